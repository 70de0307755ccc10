import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { routes as workspace } from './workspace/routes';
import { routes as designer } from './designer/routes';
import { routes as admin } from './admin/routes';
import { hasRole, loadMe, session } from './session';

export type MenuGroup = 'workspace' | 'designer' | 'admin' | 'reports';

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title. */
    title?: string;
    /** Roles that may open the page; none means every signed-in user. */
    roles?: string[];
    /** Open without signing in. */
    public?: boolean;
    /** Where the page shows in the side menu, if at all. */
    menu?: { group: MenuGroup; order: number };
  }
}

export const appRoutes: RouteRecordRaw[] = [...workspace, ...designer, ...admin];

const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('./shell/LoginPage.vue'), meta: { public: true, title: 'login.title' } },
  {
    path: '/',
    component: () => import('./shell/AppLayout.vue'),
    children: [
      { path: '', name: 'home', component: () => import('./shell/HomeRedirect.vue') },
      ...appRoutes,
      { path: ':pathMatch(.*)*', name: 'not-found', component: () => import('./shell/NotFoundPage.vue'), meta: { title: 'errors.notFound' } },
    ],
  },
];

export const router = createRouter({ history: createWebHistory(), routes });

router.beforeEach(async (to) => {
  if (to.meta.public) return true;
  if (!session.loaded) await loadMe();
  if (!session.me) return { name: 'login', query: { next: to.fullPath } };
  if (to.meta.roles && !hasRole(...to.meta.roles)) return { name: 'not-found' };
  return true;
});
