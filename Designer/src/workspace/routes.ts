import type { RouteRecordRaw } from 'vue-router';
import { Roles } from '../session';
import './workspace.css';

// The pages of this area. `meta.roles` limits who may open them; `meta.menu` puts them in the side menu.
const clerks = [Roles.requestingClerk];

export const routes: RouteRecordRaw[] = [
  { path: 'tasks', name: 'tasks-todo', component: () => import('./pages/TasksTodoPage.vue'), meta: { title: 'workspace.menu.todo', menu: { group: 'workspace', order: 10 } } },
  { path: 'tasks/done', name: 'tasks-done', component: () => import('./pages/TasksDonePage.vue'), meta: { title: 'workspace.menu.done', menu: { group: 'workspace', order: 20 } } },
  { path: 'tasks/copied', name: 'tasks-copied', component: () => import('./pages/TasksCopiedPage.vue'), meta: { title: 'workspace.menu.copied', menu: { group: 'workspace', order: 30 } } },
  { path: 'tasks/cosign', name: 'tasks-cosign', component: () => import('./pages/CosignRequestsPage.vue'), meta: { title: 'workspace.menu.cosign' } },
  { path: 'tasks/delegated', name: 'tasks-delegated', component: () => import('./pages/TasksDelegatedPage.vue'), meta: { title: 'workspace.menu.delegated' } },
  { path: 'tasks/:id', name: 'task', component: () => import('./pages/TaskPage.vue'), meta: { title: 'workspace.menu.task' } },
  { path: 'cases', name: 'cases', component: () => import('./pages/CasesPage.vue'), meta: { title: 'workspace.menu.cases', menu: { group: 'workspace', order: 40 } } },
  { path: 'cases/:id', name: 'case', component: () => import('./pages/CasePage.vue'), meta: { title: 'workspace.menu.case' } },
  {
    path: 'submit/sharing',
    name: 'submit-sharing',
    component: () => import('./pages/submit/SharingSubmitPage.vue'),
    meta: { title: 'workspace.menu.submitSharing', roles: clerks, menu: { group: 'workspace', order: 50 } },
  },
  {
    path: 'submit/catalog-change',
    name: 'submit-catalog-change',
    component: () => import('./pages/submit/CatalogChangeSubmitPage.vue'),
    meta: {
      title: 'workspace.menu.submitCatalogChange',
      roles: [Roles.providerReviewer, Roles.requestingClerk, Roles.coordinatingOffice],
      menu: { group: 'workspace', order: 51 },
    },
  },
  {
    path: 'submit/objection',
    name: 'submit-objection',
    component: () => import('./pages/submit/ObjectionSubmitPage.vue'),
    meta: { title: 'workspace.menu.submitObjection', roles: clerks, menu: { group: 'workspace', order: 52 } },
  },
  {
    path: 'submit/dispute',
    name: 'submit-dispute',
    component: () => import('./pages/submit/DisputeSubmitPage.vue'),
    meta: { title: 'workspace.menu.submitDispute', roles: clerks, menu: { group: 'workspace', order: 53 } },
  },
  {
    path: 'submit/acceptance',
    name: 'submit-acceptance',
    component: () => import('./pages/submit/AcceptanceSubmitPage.vue'),
    meta: { title: 'workspace.menu.submitAcceptance', roles: [Roles.requestingClerk, Roles.coordinatingOffice], menu: { group: 'workspace', order: 54 } },
  },
  {
    path: 'submit/open-data',
    name: 'submit-open-data',
    component: () => import('./pages/submit/OpenDataSubmitPage.vue'),
    meta: { title: 'workspace.menu.submitOpenData', roles: [Roles.coordinatingOffice], menu: { group: 'workspace', order: 55 } },
  },
  {
    path: 'supervision',
    name: 'supervision',
    component: () => import('./pages/SupervisionPage.vue'),
    meta: { title: 'workspace.menu.supervision', roles: [Roles.supervisor, Roles.coordinatingOffice], menu: { group: 'workspace', order: 60 } },
  },
  { path: 'notifications', name: 'notifications', component: () => import('./pages/NotificationsPage.vue'), meta: { title: 'workspace.menu.notifications', menu: { group: 'workspace', order: 80 } } },
  { path: 'deputies', name: 'deputies', component: () => import('./pages/DeputiesPage.vue'), meta: { title: 'workspace.menu.deputies', menu: { group: 'workspace', order: 90 } } },
];
