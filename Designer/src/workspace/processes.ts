/** The shipped processes, in the order the filters list them. */
export const processKeys = [
  'sharingApplication',
  'catalogChange',
  'sharingDispute',
  'dataObjection',
  'acceptanceSubmission',
  'openDataRequest',
  'rectificationOrder',
] as const;

export type ProcessKey = (typeof processKeys)[number];

/**
 * Status names travel as the sharing list's wire names (`granted-by-default`) or as domain enum names
 * (`UnderVerification`); both are reduced to one lookup key, e.g. `grantedbydefault`, `underverification`.
 */
export function statusKey(status: string | null | undefined): string {
  return (status ?? '').replace(/[-_\s]/g, '').toLowerCase();
}

export type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'info';

const finished = new Set(['approved', 'grantedbydefault', 'settled', 'closed', 'answered', 'passed', 'rectified', 'concluded', 'accepted', 'live', 'completed']);
const stopped = new Set(['refused', 'withdrawn', 'failed', 'cancelled']);
const attention = new Set(['escalated', 'disputed', 'returned', 'reportedtooffice', 'correcting', 'coordinating', 'awaitingsubmission', 'awaitingdata', 'issued']);

/** The colour of a status tag: finished green, stopped grey/red, needing attention amber, in progress blue. */
export function statusTagType(status: string | null | undefined): TagType {
  const key = statusKey(status);
  if (finished.has(key)) return 'success';
  if (key === 'refused' || key === 'failed') return 'danger';
  if (stopped.has(key)) return 'info';
  if (attention.has(key)) return 'warning';
  return 'primary';
}

/** The case page of a case; the process goes along so a Host without the general case endpoint can still find it. */
export function caseRoute(caseId: string, process?: string | null) {
  return { name: 'case', params: { id: caseId }, query: process ? { process } : {} };
}

export function taskRoute(taskId: string) {
  return { name: 'task', params: { id: taskId } };
}
