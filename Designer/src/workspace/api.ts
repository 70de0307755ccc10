import { api, ApiError } from '../api/http';

/**
 * The workspace's view of the Host: task lists, cases of every process, catalog, departments, notifications,
 * supervision and deputies. Fields that newer Hosts add (dueSoon, caseTitle, the parties' departments) are optional,
 * so the pages work against a Host that does not send them yet.
 */

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** The case a task-list row belongs to. */
interface CaseRef {
  caseId: string;
  caseNumber?: string | null;
  caseTitle?: string | null;
}

/** The departments of the case's parties. */
interface CaseParties {
  requesterDepartment?: string | null;
  providerDepartment?: string | null;
}

/** A row's deadline (yyyy-MM-dd) with its 已超期 / 即将到期 flags. */
interface DeadlineFlags {
  dueDate?: string | null;
  overdue?: boolean;
  dueSoon?: boolean;
}

/** A row of 待办 (`GET /api/tasks`). */
export interface TaskItem extends CaseRef, CaseParties, DeadlineFlags {
  id: string;
  name: string;
  elementId: string;
  processKey: string;
  candidateDepartment?: string | null;
  candidateRole?: string | null;
  assignee?: string | null;
  createdAt: string;
  dueAt?: string | null;
  provisional?: boolean;
  /** 委派: who lent the task to its holder and gets it back; absent when it is not lent. */
  delegatedBy?: string | null;
}

/** A row of 已办 (`GET /api/tasks/done`). */
export interface DoneItem extends CaseRef, CaseParties, DeadlineFlags {
  taskId: string;
  name: string;
  elementId: string;
  processKey: string;
  action: string;
  outcome?: string | null;
  comment?: string | null;
  actedAt: string;
  taskStatus: string;
  actingFor?: string | null;
}

/** A row of 抄送 (`GET /api/tasks/copied`). */
export interface CopiedItem extends CaseRef, CaseParties {
  id: string;
  processKey: string;
  taskId?: string | null;
  taskName?: string | null;
  copiedBy: string;
  copiedByDepartment: string;
  toDepartment?: string | null;
  note?: string | null;
  copiedAt: string;
}

/** 我委派的 (`GET /api/tasks/delegated`): tasks the caller lent to a colleague and may take back. */
export interface DelegatedItem extends CaseRef, DeadlineFlags {
  taskId: string;
  name: string;
  owner: string;
  delegate: string;
  reason?: string | null;
  delegatedAt: string;
}

/** 待会签 (`GET /api/tasks/cosign-requests`). */
export interface CosignRequestItem extends CaseRef, DeadlineFlags {
  id: string;
  taskId: string;
  taskName: string;
  requestedBy: string;
  signer: string;
  reason?: string | null;
  requestedAt: string;
  actingFor?: string | null;
}

export interface HistoryEntry {
  at: string;
  kind: string;
  elementId?: string | null;
  elementName?: string | null;
  actor?: string | null;
  /** The actor's name (姓名) when the actor is a user; the history of a process's own record may not carry it. */
  actorName?: string | null;
  outcome?: string | null;
  comment?: string | null;
}

export interface OpenTask extends DeadlineFlags {
  id: string;
  name: string;
  elementId: string;
  candidateDepartment?: string | null;
  candidateRole?: string | null;
  assignee?: string | null;
  provisional?: boolean;
}

/** A case of any process, as lists and the case page show it. */
export interface CaseSummary extends CaseParties, DeadlineFlags {
  id: string;
  process: string;
  kind?: string | null;
  caseNumber?: string | null;
  title?: string | null;
  status: string;
  submittedAt?: string | null;
  dueAt?: string | null;
  provisional?: boolean;
  detailUrl?: string | null;
  history?: HistoryEntry[] | null;
  openTasks?: OpenTask[] | null;
}

/** The case page's data: the common summary and the process's own record (a sharing application, a dispute...). */
export interface CaseView {
  summary: CaseSummary;
  detail: Record<string, unknown> | null;
}

export interface CatalogResource {
  id: string;
  code: string;
  name: string;
  providerDepartment: string;
  providerDepartmentName?: string | null;
  shareType: string;
  items: string[];
  legalBasis?: string | null;
  version: number;
}

export interface Department {
  code: string;
  name: string;
  shortName?: string | null;
  kind: string;
  supervisor?: string | null;
}

export interface AttachmentItem {
  id: string;
  caseId: string;
  fileName: string;
  fileType: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedByDepartment: string;
  uploadedAt: string;
  description?: string | null;
}

export interface EscalationItem {
  caseId: string;
  caseNumber?: string | null;
  process: string;
  title?: string | null;
  department?: string | null;
  taskName?: string | null;
  dueDate?: string | null;
  escalatedAt?: string | null;
  officeTaskId?: string | null;
  open: boolean;
  /** The rules decided in the late department's place (逾期视为同意); no one was asked to act. */
  decidedBySystem?: boolean;
}

export interface OverdueItem {
  taskId: string;
  caseId: string;
  caseNumber?: string | null;
  process: string;
  taskName: string;
  department?: string | null;
  assignee?: string | null;
  dueDate?: string | null;
  workingDaysOverdue?: number | null;
}

export interface SupervisionResponse {
  /** The first day whose closed escalations are listed (open ones are listed however old), yyyy-MM-dd. */
  since: string;
  escalations: EscalationItem[];
  overdue: OverdueItem[];
}

export interface DeputyItem {
  id: string;
  principal: string;
  deputy: string;
  department: string;
  from: string;
  until: string;
  endedAt?: string | null;
  reason?: string | null;
  role: 'principal' | 'deputy';
  status: 'scheduled' | 'running' | 'ended' | 'over';
}

export interface UserItem {
  userName: string;
  displayName: string;
  department: string;
  roles: string[];
}

/** What a task's completion sends (`POST /api/tasks/{id}/complete`); see the Host's TaskAnswer. */
export interface TaskAnswer {
  outcome: string;
  opinion?: string;
  reasons?: string;
  legalBasis?: string;
  items?: string[];
  conditions?: string;
  result?: string;
  kind?: string;
  resourceId?: string;
  code?: string;
  name?: string;
  shareType?: string;
  planBasis?: string;
  planSteps?: string;
  committedDate?: string;
  jointDepartments?: string[];
  openedScope?: string;
  description?: string;
}

export interface CaseQuery {
  process?: string;
  status?: string;
  department?: string;
  overdue?: boolean;
  from?: string;
  to?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

/** Whether an error means "this endpoint is not on this Host" (or the id is unknown), so a fallback may be tried. */
export function isMissing(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status === 405);
}

// ---- Task lists and operations ----

export const tasksApi = {
  todo: () => api.get<TaskItem[]>('/api/tasks'),
  done: (page: number, pageSize: number) => api.get<Paged<DoneItem>>('/api/tasks/done', { page, pageSize }),
  copied: (page: number, pageSize: number) => api.get<Paged<CopiedItem>>('/api/tasks/copied', { page, pageSize }),
  delegated: () => api.get<DelegatedItem[]>('/api/tasks/delegated'),
  cosignRequests: () => api.get<CosignRequestItem[]>('/api/tasks/cosign-requests'),
  claim: (id: string) => api.post<void>(`/api/tasks/${id}/claim`),
  release: (id: string) => api.post<void>(`/api/tasks/${id}/release`),
  complete: (id: string, answer: TaskAnswer) => api.post<void>(`/api/tasks/${id}/complete`, answer),
  returnForSupplement: (id: string, reason: string) => api.post<void>(`/api/tasks/${id}/return`, { reason }),
  transfer: (id: string, to: string, reason: string) => api.post<void>(`/api/tasks/${id}/transfer`, { to, reason }),
  delegate: (id: string, to: string, reason: string) => api.post<void>(`/api/tasks/${id}/delegate`, { to, reason }),
  resolve: (id: string, comment: string) => api.post<void>(`/api/tasks/${id}/resolve`, { comment }),
  takeBack: (id: string, reason: string) => api.post<void>(`/api/tasks/${id}/take-back`, { reason }),
  addCosigner: (id: string, signer: string, reason: string) => api.post<unknown>(`/api/tasks/${id}/cosigners`, { signer, reason }),
  cosign: (id: string, outcome: string, opinion: string) => api.post<void>(`/api/tasks/${id}/cosign`, { outcome, opinion }),
  copy: (id: string, users: string[], departments: string[], note: string) =>
    api.post<{ caseId: string; copies: number }>(`/api/tasks/${id}/copy`, { users, departments, note }),
};

// ---- Cases ----

/** The record endpoint of each process, for a Host without `GET /api/cases/{id}`. */
export const detailEndpoints: Record<string, (id: string) => string> = {
  sharingApplication: (id) => `/api/sharing-applications/${id}`,
  sharingDispute: (id) => `/api/disputes/${id}`,
  dataObjection: (id) => `/api/data-objections/${id}`,
  catalogChange: (id) => `/api/catalog-changes/${id}`,
  openDataRequest: (id) => `/api/open-data-requests/${id}`,
  rectificationOrder: (id) => `/api/rectification-orders/${id}`,
};

interface SharingRow {
  process?: string;
  id: string;
  number: string;
  status: string;
  resourceName?: string | null;
  requesterDepartment?: string | null;
  providerDepartment?: string | null;
  submittedAt?: string | null;
  deadline?: string | null;
  dueAt?: string | null;
  provisional?: boolean;
  overdue?: boolean;
}

function fromSharingRow(row: SharingRow): CaseSummary {
  return {
    id: row.id,
    process: row.process ?? 'sharingApplication',
    caseNumber: row.number,
    title: row.resourceName ?? null,
    status: row.status,
    requesterDepartment: row.requesterDepartment,
    providerDepartment: row.providerDepartment,
    submittedAt: row.submittedAt,
    dueDate: row.deadline,
    dueAt: row.dueAt,
    provisional: row.provisional,
    overdue: row.overdue,
  };
}

/** The filters as the general case list names them, or (`fallback`) under the names of the older sharing list. */
function caseQuery(query: CaseQuery, fallback = false): Record<string, string | number | boolean | undefined> {
  return {
    process: query.process,
    status: query.status,
    department: query.department,
    overdue: query.overdue ? true : undefined,
    [fallback ? 'submittedFrom' : 'from']: query.from,
    [fallback ? 'submittedTo' : 'to']: query.to,
    q: fallback ? undefined : query.q,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export interface CaseListResult extends Paged<CaseSummary> {
  /** True when the Host had no general case list and the sharing applications' list answered instead. */
  fallback: boolean;
}

export async function listCases(query: CaseQuery): Promise<CaseListResult> {
  try {
    const result = await api.get<Paged<CaseSummary>>('/api/cases', caseQuery(query));
    return { ...result, fallback: false };
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
  const result = await api.get<Paged<SharingRow>>('/api/sharing-applications', caseQuery(query, true));
  let items = result.items.map(fromSharingRow);
  if (query.q) {
    const needle = query.q.trim().toLowerCase();
    items = items.filter((item) => [item.caseNumber, item.title].some((text) => text?.toLowerCase().includes(needle)));
  }
  return { items, total: result.total, page: result.page, pageSize: result.pageSize, fallback: true };
}

/** The CSV export's address for the same filters (the general one, or the sharing list's on an older Host). */
export function casesExportUrl(query: CaseQuery, fallback: boolean): string {
  const parameters = new URLSearchParams();
  const source = caseQuery(query, fallback);
  for (const [key, value] of Object.entries(source)) {
    if (key === 'page' || key === 'pageSize' || value === undefined || value === '') continue;
    parameters.append(key, String(value));
  }
  const text = parameters.toString();
  const base = fallback ? '/api/sharing-applications/export.csv' : '/api/cases/export.csv';
  return text ? `${base}?${text}` : base;
}

/** A process record turned into the common summary, for a Host without `GET /api/cases/{id}`. */
export function summaryFromDetail(process: string, detail: Record<string, unknown>): CaseSummary {
  const text = (key: string) => (typeof detail[key] === 'string' ? (detail[key] as string) : null);
  const title =
    text('resourceName') ?? text('projectName') ?? text('name') ?? text('eventDescription') ?? text('requestedData') ?? text('reasons') ?? null;
  return {
    id: String(detail.id ?? detail.processInstanceId ?? ''),
    process,
    caseNumber: text('number'),
    title,
    status: text('status') ?? '',
    requesterDepartment: text('requesterDepartment') ?? text('department') ?? text('buildingDepartment'),
    providerDepartment: text('providerDepartment'),
    submittedAt: text('submittedAt') ?? text('filedAt') ?? text('reportedAt') ?? text('openedAt') ?? text('receivedAt') ?? text('issuedAt'),
    dueDate: text('deadline') ?? text('dueDate'),
    dueAt: text('dueAt'),
    provisional: detail.provisional === true,
    overdue: detail.overdue === true,
    history: Array.isArray(detail.history) ? (detail.history as HistoryEntry[]) : null,
    openTasks: null,
  };
}

async function tryGet<T>(url: string): Promise<T | null> {
  try {
    return await api.get<T>(url);
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

/**
 * Loads a case of any process: the general summary when the Host has it (with the process's own record from its
 * `detailUrl`), else the process's record endpoint — the hinted process first, then each in turn.
 */
export async function loadCase(id: string, processHint?: string): Promise<CaseView | null> {
  const summary = await tryGet<CaseSummary>(`/api/cases/${id}`);
  if (summary) {
    const url = summary.detailUrl ?? detailEndpoints[summary.process]?.(id);
    const detail = url ? await tryGet<Record<string, unknown>>(url) : null;
    if (detail && (!summary.history || summary.history.length === 0) && Array.isArray(detail.history)) {
      summary.history = detail.history as HistoryEntry[];
    }
    return { summary, detail };
  }
  const order = Object.keys(detailEndpoints).sort((a, b) => Number(b === processHint) - Number(a === processHint));
  for (const process of order) {
    const detail = await tryGet<Record<string, unknown>>(detailEndpoints[process](id));
    if (detail) return { summary: { ...summaryFromDetail(process, detail), id }, detail };
  }
  return null;
}

export const casesApi = {
  urge: (caseId: string, taskId: string | undefined, note: string) =>
    api.post<{ caseId: string; workingDay: string; nextAllowed: string; tasks: string[] }>(`/api/cases/${caseId}/urge`, { taskId, note }),
  withdraw: (id: string, note: string) => api.post<void>(`/api/sharing-applications/${id}/withdraw`, { note }),
  resubmit: (id: string, note: string) => api.post<void>(`/api/sharing-applications/${id}/resubmit`, { note }),
  requestExtension: (id: string, reasons: string) => api.post<void>(`/api/catalog-changes/${id}/extension`, { reasons }),
  attachments: (caseId: string) => api.get<AttachmentItem[]>(`/api/cases/${caseId}/attachments`),
  upload: (caseId: string, file: File, description: string) => {
    const form = new FormData();
    form.append('file', file);
    if (description) form.append('description', description);
    return api.upload<AttachmentItem>(`/api/cases/${caseId}/attachments`, form);
  },
  attachmentUrl: (caseId: string, id: string) => `/api/cases/${caseId}/attachments/${id}`,
  answerUrl: (id: string) => `/api/sharing-applications/${id}/answer`,
  /** The case's numbered decisions (文号), each with the address of its printable page. */
  documents: (caseId: string) => api.get<IssuedDocument[]>(`/api/cases/${caseId}/documents`),
};

export interface IssuedDocument {
  id: string;
  number: string;
  kind: string;
  title: string;
  issuedAt: string;
  issuedBy: string | null;
  article: string | null;
  url: string;
}

// ---- Submissions ----

export const submitApi = {
  sharing: (body: { resourceId: string | null; items: string[]; purpose: string; scenario: string; useFrom: string | null; useUntil: string | null }) =>
    api.post<{ id: string; number: string; status: string }>('/api/sharing-applications', body),
  catalogChange: (body: { department: string | null; trigger: string; eventDate: string | null; eventDescription: string }) =>
    api.post<{ id: string; number: string }>('/api/catalog-changes', body),
  objection: (body: { resourceId: string | null; items: string[]; description: string; recordReference: string | null; proposedCorrection: string | null }) =>
    api.post<{ id: string; number: string }>('/api/data-objections', body),
  dispute: (body: { resourceId: string | null; items: string[]; duty: string; reasons: string; sharingApplicationId: string | null }) =>
    api.post<{ id: string; number: string }>('/api/disputes', body),
  project: (body: { code: string; name: string; buildingDepartment: string; funding: string; construction: string; dataCatalog: string[] }) =>
    api.post<ProjectItem>('/api/projects', body),
  completion: (projectId: string, completionDate: string | null) =>
    api.post<{ id: string; number: string; projectId: string }>(`/api/projects/${projectId}/completion`, { completionDate }),
  openData: (body: {
    applicant: { name: string; kind: string; contact: string; identifier: string | null };
    requestedData: string;
    purpose: string;
    scenario: string;
    safeguards: string;
    resourceId: string | null;
    providerDepartment: string | null;
  }) => api.post<{ id: string; number: string }>('/api/open-data-requests', body),
};

export interface ProjectItem {
  id: string;
  code: string;
  name: string;
  buildingDepartment: string;
  status: string;
  completionDate?: string | null;
  acceptanceSubmissionId?: string | null;
}

// ---- Reference data, notifications, supervision, deputies ----

export const referenceApi = {
  catalog: () => api.get<CatalogResource[]>('/api/catalog/resources'),
  departments: () => api.get<Department[]>('/api/departments'),
  /** Colleagues for the pickers (通讯录): the caller's own department unless another is named. */
  users: (department?: string): Promise<UserItem[]> => api.get<UserItem[]>('/api/colleagues', { department }),
  /** The names behind user names (at most 100 at once); a user name no account has is left out. */
  people: (userNames: readonly string[]): Promise<Person[]> => api.get<Person[]>('/api/people', { userName: userNames }),
};

/** A user as a case names them. */
export interface Person {
  userName: string;
  displayName: string;
  department: string;
}

export const notificationsApi = {
  markRead: (id: string) => api.post<void>(`/api/notifications/${id}/read`),
};

export const supervisionApi = {
  get: (since?: string) => api.get<SupervisionResponse>('/api/supervision', since ? { since } : undefined),
};

export const deputiesApi = {
  list: () => api.get<DeputyItem[]>('/api/me/deputies'),
  name: (body: { deputy: string; from: string | null; until: string | null; reason: string }) => api.post<DeputyItem>('/api/me/deputies', body),
  end: (id: string) => api.delete<DeputyItem>(`/api/me/deputies/${id}`),
};
