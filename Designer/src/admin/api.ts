/** The Host's admin endpoints this area reads and changes, with their JSON shapes. */
import { api } from '../api/http';

export interface DisputeTier {
  name: string;
  decider: string;
  role: string;
}

/** `GET /api/profiles`, `PATCH /api/profiles/{code}`. */
export interface PolicyProfile {
  code: string;
  name: string;
  version: number;
  active: boolean;
  coordinatingOffice: string;
  days: Record<string, number>;
  refusalNeedsReasons: boolean;
  refusalNeedsLegalBasis: boolean;
  overdueAnswerIsConsent: boolean;
  disputeTiers: DisputeTier[];
  /** The regulation the profile follows, e.g. 《抚州市政务信息资源共享管理办法》. */
  regulation?: string;
  /** The article each rule applies, by rule key (sharing.answer → 第十八条). */
  articles?: Record<string, string>;
}

export type DepartmentKind = 'ordinary' | 'coordinating-office' | 'leading-group' | 'city-government' | 'finance';
export const departmentKinds: DepartmentKind[] = ['ordinary', 'coordinating-office', 'leading-group', 'city-government', 'finance'];

export interface Department {
  code: string;
  name: string;
  shortName: string | null;
  kind: DepartmentKind;
  supervisor: string | null;
}

export interface User {
  userName: string;
  displayName: string;
  department: string;
  roles: string[];
  email: string | null;
  hasPassword: boolean;
  lockedOut: boolean;
  lockoutEnd: string | null;
}

export interface Incident {
  id: string;
  instanceId: string;
  definitionKey: string;
  businessKey: string | null;
  elementId: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
}

export interface ClockState {
  now: string;
  fired: number;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  department: string | null;
  /** The action as stored and hashed: method and route, and whom the actor acted for. */
  action: string;
  /** The action as a reader says it (办理任务（代理 li.si）), in the page's language; null for a route no longer served. */
  description: string | null;
  subject: string | null;
  remoteAddress: string | null;
  result: number;
  hash: string;
}

export interface AuditVerification {
  valid: boolean;
  entries: number;
  firstBrokenId: number | null;
  problem: string | null;
}

export const adminApi = {
  profiles: () => api.get<PolicyProfile[]>('/api/profiles'),
  changeProfile: (code: string, days: Record<string, number>) => api.patch<PolicyProfile>(`/api/profiles/${encodeURIComponent(code)}`, days),

  departments: () => api.get<Department[]>('/api/departments'),
  createDepartment: (body: { code: string; name: string; shortName?: string; kind: DepartmentKind }) => api.post<Department>('/api/departments', body),
  changeDepartment: (code: string, body: { name?: string; shortName?: string; supervisor?: string }) =>
    api.patch<Department>(`/api/departments/${encodeURIComponent(code)}`, body),
  users: (department?: string) => api.get<User[]>('/api/users', { department }),
  createUser: (body: { userName: string; displayName: string; department: string; roles: string[]; email?: string; password: string }) =>
    api.post<User>('/api/users', body),
  changeUser: (userName: string, body: { displayName?: string; department?: string; roles?: string[]; email?: string; password?: string; unlock?: boolean }) =>
    api.patch<User>(`/api/users/${encodeURIComponent(userName)}`, body),

  incidents: () => api.get<Incident[]>('/api/incidents'),
  retryIncident: (id: string) => api.post<void>(`/api/incidents/${encodeURIComponent(id)}/retry`),

  clock: () => api.get<ClockState>('/api/clock'),
  advanceClock: (body: { days?: number; workingDays?: number; hours?: number }) => api.post<ClockState>('/api/clock/advance', body),

  audit: (filters: { actor?: string; subject?: string }) => api.get<AuditEntry[]>('/api/audit', filters),
  verifyAudit: () => api.get<AuditVerification>('/api/audit/verify'),
};
