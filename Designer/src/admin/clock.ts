/**
 * Whether the Host runs on the simulated clock (training mode): `GET /api/clock` answers 404 otherwise.
 * Asked once per signed-in policy admin; the menu shows the clock page only when it answered.
 */
import { reactive } from 'vue';
import { ApiError } from '../api/http';
import { hasRole, Roles, session } from '../session';
import { adminApi } from './api';

export type ClockAvailability = 'unknown' | 'simulated' | 'absent';

export const simulatedClock = reactive({ availability: 'unknown' as ClockAvailability, now: null as string | null });

let askedFor: string | null = null;

/** Records what `GET /api/clock` said: its time, or that there is no simulated clock (404). */
export function recordClock(result: { now: string } | 'absent'): void {
  if (result === 'absent') {
    simulatedClock.availability = 'absent';
    simulatedClock.now = null;
  } else {
    simulatedClock.availability = 'simulated';
    simulatedClock.now = result.now;
  }
}

/** Asks the Host once for the current user; later calls answer from what it said. */
export async function probeClock(force = false): Promise<ClockAvailability> {
  const user = session.me?.userName ?? null;
  if (!force && askedFor === user && simulatedClock.availability !== 'unknown') return simulatedClock.availability;
  askedFor = user;
  try {
    recordClock(await adminApi.clock());
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) recordClock('absent');
    else {
      simulatedClock.availability = 'unknown';
      askedFor = null;
    }
  }
  return simulatedClock.availability;
}

/**
 * The clock page's menu entry: shown to policy admins once the Host said it runs on the simulated
 * clock. Reading it the first time for a user starts the question (after the current render).
 */
export function clockMenuEntry(order: number): { group: 'admin'; order: number } | undefined {
  if (!session.me || !hasRole(Roles.policyAdmin)) return undefined;
  if (askedFor !== session.me.userName) {
    askedFor = session.me.userName;
    void Promise.resolve().then(() => probeClock(true));
  }
  return simulatedClock.availability === 'simulated' ? { group: 'admin', order } : undefined;
}

/** Forgets the answer, e.g. between tests. */
export function resetClockProbe(): void {
  askedFor = null;
  simulatedClock.availability = 'unknown';
  simulatedClock.now = null;
}
