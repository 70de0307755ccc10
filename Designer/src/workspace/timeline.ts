import type { HistoryEntry } from './api';

/** History kinds that only trace the engine's path; hidden unless every step is asked for. */
const engineSteps = new Set(['element-entered']);

function isGatewayOrAnonymous(entry: HistoryEntry): boolean {
  if (!entry.elementName) return true;
  const name = entry.elementName.trim();
  return /gateway/i.test(entry.elementId ?? '') || name.endsWith('？') || name.endsWith('?');
}

/**
 * The case history as people read it, oldest first: what someone did, what the system decided, timers and notices.
 * Without `all`, the engine's bookkeeping (entering an element, passing a gateway) is left out.
 */
export function visibleHistory(entries: readonly HistoryEntry[] | null | undefined, all = false): HistoryEntry[] {
  const sorted = [...(entries ?? [])]
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => a.entry.at.localeCompare(b.entry.at) || a.index - b.index)
    .map(({ entry }) => entry);
  if (all) return sorted;
  return sorted.filter((entry) => {
    if (engineSteps.has(entry.kind)) return false;
    if (entry.kind === 'element-completed') return !isGatewayOrAnonymous(entry);
    return true;
  });
}

export type TimelineTone = 'primary' | 'success' | 'warning' | 'danger' | 'info';

/** Who acted, as colleagues know them: their name, else their user name (the system's own steps have neither). */
export function actorLabel(entry: HistoryEntry): string | null {
  return entry.actorName?.trim() || entry.actor || null;
}

/** The dot colour of a history entry. */
export function historyTone(entry: HistoryEntry): TimelineTone {
  switch (entry.kind) {
    case 'task-completed':
    case 'instance-completed':
    case 'task-cosigned':
    case 'cosigned':
      return 'success';
    case 'timer-fired':
    case 'case-urged':
    case 'task-suspended':
    case 'task-delegated':
    case 'task-transferred':
      return 'warning';
    case 'incident':
    case 'instance-cancelled':
    case 'task-cancelled':
      return 'danger';
    case 'element-completed':
    case 'element-entered':
      return 'info';
    default:
      return 'primary';
  }
}

/**
 * The steps waiting in a case, read from its history when the Host does not list them: each task created and not yet
 * completed, cancelled or returned (a 补正 suspends it; resuming it makes it wait again).
 */
export function waitingSteps(entries: readonly HistoryEntry[] | null | undefined): { elementId: string; name: string; since: string }[] {
  const waiting = new Map<string, { elementId: string; name: string; since: string }>();
  for (const entry of visibleHistory(entries, true)) {
    if (!entry.elementId) continue;
    if (entry.kind === 'task-created' || entry.kind === 'task-resumed') {
      waiting.set(entry.elementId, { elementId: entry.elementId, name: entry.elementName ?? entry.elementId, since: entry.at });
    } else if (entry.kind === 'task-completed' || entry.kind === 'task-cancelled' || entry.kind === 'task-suspended') {
      waiting.delete(entry.elementId);
    }
  }
  if (entries?.some((entry) => entry.kind === 'instance-completed' || entry.kind === 'instance-cancelled')) return [];
  return [...waiting.values()];
}
