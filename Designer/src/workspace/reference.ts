import { reactive } from 'vue';
import { referenceApi, type CatalogResource, type Department } from './api';

/** Departments and the catalog, loaded once per page load and shared by every page that names or picks them. */
export const reference = reactive({
  departments: [] as Department[],
  catalog: [] as CatalogResource[],
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
