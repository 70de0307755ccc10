import { describe, expect, it } from 'vitest';
import { monthGrid, monthsBetween } from '../../src/designer/calendarGrid';

describe('month grids', () => {
  it('starts weeks on Monday: 1 October 2026 is a Thursday', () => {
    const grid = monthGrid(2026, 10);
    expect(grid.weeks[0].map((cell) => cell?.day ?? null)).toEqual([null, null, null, 1, 2, 3, 4]);
    expect(grid.weeks[0][5]).toMatchObject({ date: '2026-10-03', weekend: true });
    expect(grid.weeks.flat().filter(Boolean)).toHaveLength(31);
    expect(grid.weeks.every((week) => week.length === 7)).toBe(true);
  });

  it('knows leap years', () => {
    expect(monthGrid(2028, 2).weeks.flat().filter(Boolean)).toHaveLength(29);
    expect(monthGrid(2026, 2).weeks.flat().filter(Boolean)).toHaveLength(28);
  });

  it('lists the months of a period across a year end, up to a limit', () => {
    expect(monthsBetween('2026-11-20', '2027-01-05')).toEqual([{ year: 2026, month: 11 }, { year: 2026, month: 12 }, { year: 2027, month: 1 }]);
    expect(monthsBetween('2026-01-01', '2030-01-01', 3)).toHaveLength(3);
  });
});
