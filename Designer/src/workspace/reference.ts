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
