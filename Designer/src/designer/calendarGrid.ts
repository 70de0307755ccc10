/** Month grids for the deadline preview's calendar, on plain dates (yyyy-MM-dd), weeks starting on Monday. */
export interface GridDay {
  date: string;
  day: number;
  weekend: boolean;
}

export interface MonthGrid {
  year: number;
  month: number;
  weeks: (GridDay | null)[][];
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function monthGrid(year: number, month: number): MonthGrid {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const firstWeekday = (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7; // Monday = 0
  const cells: (GridDay | null)[] = Array.from({ length: firstWeekday }, () => null);
  for (let day = 1; day <= days; day++) {
    const weekday = (firstWeekday + day - 1) % 7;
    cells.push({ date: isoDate(year, month, day), day, weekend: weekday >= 5 });
  }
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (GridDay | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return { year, month, weeks };
}

/** The months from the one holding `first` to the one holding `last`, at most `limit` of them. */
export function monthsBetween(first: string, last: string, limit = 12): { year: number; month: number }[] {
  let year = Number(first.slice(0, 4));
  let month = Number(first.slice(5, 7));
  const endYear = Number(last.slice(0, 4));
  const endMonth = Number(last.slice(5, 7));
  const months: { year: number; month: number }[] = [];
  while ((year < endYear || (year === endYear && month <= endMonth)) && months.length < limit) {
    months.push({ year, month });
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return months;
}
