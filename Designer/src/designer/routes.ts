import type { RouteRecordRaw } from 'vue-router';
import { Roles } from '../session';

// The pages of this area. `meta.roles` limits who may open them; `meta.menu` puts them in the side menu.
const policyAdmin = [Roles.policyAdmin];

export const routes: RouteRecordRaw[] = [
  {
    path: 'designer',
    name: 'designer-list',
    component: () => import('./pages/DefinitionListPage.vue'),
    meta: { title: 'designer.list.title', roles: policyAdmin, menu: { group: 'designer', order: 1 } },
  },
  {
    path: 'designer/:key',
    name: 'designer',
    component: () => import('./pages/ModelerPage.vue'),
    meta: { title: 'designer.modeler.title', roles: policyAdmin },
  },
  {
    path: 'designer/:key/versions/:version',
    name: 'designer-version',
    component: () => import('./pages/VersionPage.vue'),
    meta: { title: 'designer.version.title', roles: policyAdmin },
  },
  {
    path: 'designer/:key/diff',
    name: 'designer-diff',
    component: () => import('./pages/DiffPage.vue'),
    meta: { title: 'designer.diff.title', roles: policyAdmin },
  },
  {
    path: 'instances/:caseId',
    name: 'instance',
    component: () => import('./pages/InstancePage.vue'),
    meta: { title: 'designer.instance.title' },
  },
];
