import { describe, expect, it } from 'vitest';
import type { DefinitionVersion, DraftSummary } from '../../src/designer/api';
import { definitionRows } from '../../src/designer/definitionRows';

const published = (key: string, version: number, name: string | null): DefinitionVersion => ({
  id: version,
  key,
  version,
  name,
  contentHash: `hash-${key}`,
  publishedAt: '2026-11-20T02:00:00Z',
  publishedBy: 'admin',
});

const draft = (key: string, name: string | null): DraftSummary => ({ key, name, savedAt: '2026-11-21T03:00:00Z', savedBy: 'policy.admin' });

describe('the rows of the list of process definitions', () => {
  it('show a draft of a process never published as a row of its own, with the draft’s name', () => {
    const rows = definitionRows([published('sharingApplication', 3, '共享申请')], [draft('dataCorrection', '数据更正申请')]);

    expect(rows.map((row) => [row.key, row.name, row.published?.version ?? null, row.draft?.savedBy ?? null])).toEqual([
      ['dataCorrection', '数据更正申请', null, 'policy.admin'],
      ['sharingApplication', '共享申请', 3, null],
    ]);
  });

  it('attach a draft of a published process to its row, keeping the published name', () => {
    const rows = definitionRows([published('catalogChange', 2, '目录变更')], [draft('catalogChange', '目录变更（修订中）')]);

    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ key: 'catalogChange', name: '目录变更', published: { version: 2 }, draft: { name: '目录变更（修订中）' } });
  });

  it('order rows by key as the keys are spelt, drafts and published alike', () => {
    const rows = definitionRows(
      [published('b', 1, null), published('Z', 1, null)],
      [draft('a', null), draft('B', null)],
    );

    expect(rows.map((row) => row.key)).toEqual(['B', 'Z', 'a', 'b']);
  });

  it('are empty when nothing is published or drafted', () => {
    expect(definitionRows([], [])).toEqual([]);
  });
});
