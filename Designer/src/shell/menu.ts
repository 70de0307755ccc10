import type { RouteRecordRaw } from 'vue-router';
import { appRoutes, type MenuGroup } from '../router';
import { hasRole } from '../session';

export const menuGroups: MenuGroup[] = ['workspace', 'reports', 'designer', 'admin'];

/** The pages the signed-in user may open, in menu order. */
export function menuEntries(group?: MenuGroup): RouteRecordRaw[] {
  return appRoutes
    .filter((route) => route.meta?.menu && (!group || route.meta.menu.group === group))
    .filter((route) => !route.meta?.roles || hasRole(...route.meta.roles))
    .sort((a, b) => menuGroups.indexOf(a.meta!.menu!.group) - menuGroups.indexOf(b.meta!.menu!.group) || a.meta!.menu!.order - b.meta!.menu!.order);
}
