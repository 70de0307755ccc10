import type { RouteRecordRaw } from 'vue-router';
import { hasRole, Roles } from '../session';
import { clockMenuEntry } from './clock';

/** Who gets figures from the timeliness report: the rest of the users may open the page, the API answers 403. */
export const reportReaders = [Roles.supervisor, Roles.coordinatingOffice, Roles.auditor, Roles.policyAdmin];

// The pages of this area. `meta.roles` limits who may open them; `meta.menu` puts them in the side menu.
export const routes: RouteRecordRaw[] = [
  {
    path: '/admin/calendar',
    name: 'admin-calendar',
    component: () => import('./calendar/CalendarPage.vue'),
    meta: { title: 'admin.calendar.title', roles: [Roles.policyAdmin], menu: { group: 'admin', order: 10 } },
  },
  {
    path: '/admin/profiles',
    name: 'admin-profiles',
    component: () => import('./ProfilesPage.vue'),
    meta: { title: 'admin.profiles.title', roles: [Roles.policyAdmin, Roles.coordinatingOffice, Roles.auditor], menu: { group: 'admin', order: 20 } },
  },
  {
    path: '/admin/organisation',
    name: 'admin-organisation',
    component: () => import('./organisation/OrganisationPage.vue'),
    meta: { title: 'admin.organisation.title', roles: [Roles.policyAdmin], menu: { group: 'admin', order: 30 } },
  },
  {
    path: '/admin/incidents',
    name: 'admin-incidents',
    component: () => import('./IncidentsPage.vue'),
    meta: { title: 'admin.incidents.title', roles: [Roles.policyAdmin], menu: { group: 'admin', order: 40 } },
  },
  {
    path: '/admin/clock',
    name: 'admin-clock',
    component: () => import('./ClockPage.vue'),
    meta: {
      title: 'admin.clock.title',
      roles: [Roles.policyAdmin],
      // Only in simulated mode: the entry appears once GET /api/clock has answered.
      get menu() {
        return clockMenuEntry(50);
      },
    },
  },
  {
    path: '/admin/audit',
    name: 'admin-audit',
    component: () => import('./AuditPage.vue'),
    meta: { title: 'admin.audit.title', roles: [Roles.auditor, Roles.coordinatingOffice], menu: { group: 'admin', order: 60 } },
  },
  {
    path: '/reports',
    name: 'reports',
    component: () => import('./reports/ReportsPage.vue'),
    meta: {
      title: 'admin.reports.title',
      // Every signed-in user may open it; the menu offers it to those the report has figures for.
      get menu() {
        return hasRole(...reportReaders) ? { group: 'reports' as const, order: 10 } : undefined;
      },
    },
  },
];
