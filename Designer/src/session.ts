import { reactive } from 'vue';
import { api, ApiError } from './api/http';

export interface Me {
  userName: string;
  displayName: string;
  department: string;
  departmentName: string | null;
  roles: string[];
}

/** Role names as the Host spells them. */
export const Roles = {
  requestingClerk: 'requesting-clerk',
  providerReviewer: 'provider-reviewer',
  supervisor: 'supervisor',
  coordinatingOffice: 'coordinating-office',
  leadingGroup: 'leading-group',
  cityGovernment: 'city-government',
  finance: 'finance',
  policyAdmin: 'policy-admin',
  auditor: 'auditor',
} as const;

export const session = reactive({ me: null as Me | null, loaded: false });

export function hasRole(...roles: string[]): boolean {
  return roles.length === 0 || (session.me?.roles.some((role) => roles.includes(role)) ?? false);
}

export async function loadMe(): Promise<Me | null> {
  try {
    session.me = await api.get<Me>('/api/auth/me');
  } catch (error) {
    if (!(error instanceof ApiError) || (error.status !== 401 && error.status !== 403)) throw error;
    session.me = null;
  } finally {
    session.loaded = true;
  }
  return session.me;
}

export async function login(userName: string, password: string): Promise<Me> {
  session.me = await api.post<Me>('/api/auth/login', { userName, password });
  session.loaded = true;
  return session.me;
}

export async function logout(): Promise<void> {
  try {
    await api.post('/api/auth/logout');
  } finally {
    session.me = null;
  }
}
