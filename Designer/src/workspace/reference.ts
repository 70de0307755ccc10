import { reactive } from 'vue';
import { api } from '../api/http';
import { todayInShanghai } from '../shell/format';
import { hasRole, Roles } from '../session';
import { referenceApi, type CatalogResource, type Department } from './api';

/** Departments and the catalog, loaded once per page load and shared by every page that names or picks them. */
export const reference = reactive({
  departments: [] as Department[],
  catalog: [] as CatalogResource[],
  /** Today on the business clock: the simulated one in training mode, else the browser's, both on Beijing time. */
  today: todayInShanghai(),
});

let departmentsLoading: Promise<Department[]> | null = null;
let catalogLoading: Promise<CatalogResource[]> | null = null;

export function ensureDepartments(): Promise<Department[]> {
  departmentsLoading ??= referenceApi
    .departments()
    .then((list) => (reference.departments = list))
    .catch((error) => {
      departmentsLoading = null;
      throw error;
    });
  return departmentsLoading;
}

export function ensureCatalog(): Promise<CatalogResource[]> {
  catalogLoading ??= referenceApi
    .catalog()
    .then((list) => (reference.catalog = list))
    .catch((error) => {
      catalogLoading = null;
      throw error;
    });
  return catalogLoading;
}

/** Names of the users met so far, by user name (null: no account has it), shared by every page that names people. */
const people = reactive(new Map<string, string | null>());

/** User names waiting to be looked up, and the look-up they will go in, gathered over one tick. */
let queued = new Set<string>();
let flushing: Promise<void> | null = null;

/**
 * Looks up the names of the users not met yet. The names asked for within one tick (a table's rows, a case's facts)
 * go in one request of at most a hundred; a failed look-up leaves them to be asked again.
 */
export function ensurePeople(userNames: readonly string[]): Promise<void> {
  for (const name of userNames) {
    if (name && !people.has(name)) {
      people.set(name, null);
      queued.add(name);
    }
  }
  flushing ??= Promise.resolve().then(async () => {
    const unknown = [...queued];
    queued = new Set();
    flushing = null;
    for (let start = 0; start < unknown.length; start += 100) {
      const batch = unknown.slice(start, start + 100);
      try {
        const found = await referenceApi.people(batch);
        for (const person of found) people.set(person.userName, person.displayName);
      } catch {
        for (const name of batch) people.delete(name);
      }
    }
  });
  return flushing;
}

/** The user's name (姓名), or the user name while it is being looked up or when no account has it. */
export function personName(userName: string | null | undefined): string {
  if (!userName) return '';
  return people.get(userName) ?? userName;
}

/** The department's name, or its code while the list is loading or when it is unknown. */
export function departmentName(code: string | null | undefined): string {
  if (!code) return '';
  return reference.departments.find((department) => department.code === code)?.name ?? code;
}

let clockLoading: Promise<string> | null = null;

/**
 * Reads the simulated business clock once, for the policy admin who may (outside training mode `GET /api/clock`
 * answers 404 and the real day stays). Everyone else relies on the Host's own `overdue` and `dueSoon`.
 */
export function ensureBusinessDay(): Promise<string> {
  if (!hasRole(Roles.policyAdmin)) return Promise.resolve(reference.today);
  clockLoading ??= api
    .get<{ now: string }>('/api/clock')
    .then((clock) => (reference.today = todayInShanghai(new Date(clock.now))))
    .catch(() => reference.today);
  return clockLoading;
}
