import type { DefinitionVersion, DraftSummary } from './api';

/**
 * A row of the list of process definitions: a published definition with its draft, if it has one, or a draft of a
 * process never yet published, which would otherwise be found again only by typing its key.
 */
export interface DefinitionRow {
  key: string;
  /** The published version's name, or the draft's when there is no published version. */
  name: string | null;
  /** The newest published version; null for a process never published. */
  published: DefinitionVersion | null;
  draft: DraftSummary | null;
}

/** One row per key, ordered by key: every published definition, and every draft whose key has no published version. */
export function definitionRows(definitions: readonly DefinitionVersion[], drafts: readonly DraftSummary[]): DefinitionRow[] {
  const rows = new Map<string, DefinitionRow>();
  for (const definition of definitions) {
    rows.set(definition.key, { key: definition.key, name: definition.name, published: definition, draft: null });
  }
  for (const draft of drafts) {
    const row = rows.get(draft.key);
    if (row) row.draft = draft;
    else rows.set(draft.key, { key: draft.key, name: draft.name, published: null, draft });
  }
  return [...rows.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
