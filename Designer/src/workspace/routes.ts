import type { RouteRecordRaw } from 'vue-router';

// The pages of this area. `meta.roles` limits who may open them; `meta.menu` puts them in the side menu.
export const routes: RouteRecordRaw[] = [];
