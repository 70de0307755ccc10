import { api, ApiError, readCookie, xsrfCookie, xsrfHeader, type ProblemDetails } from '../api/http';

/** One published version of a process definition. */
export interface DefinitionVersion {
  id: number;
  key: string;
  version: number;
  name: string | null;
  contentHash: string;
  publishedAt: string;
  publishedBy: string | null;
}

export interface Draft {
  key: string;
  xml: string;
  savedAt: string;
  savedBy: string | null;
}

/** A saved draft as the list of definitions shows it, without its XML; `name` is its process's name, if it gives one. */
export interface DraftSummary {
  key: string;
  name: string | null;
  savedAt: string;
  savedBy: string;
}

/** A finding of the server's validator; `severity` is `Error` or `Warning`. */
export interface ValidationFinding {
  elementId: string;
  code: string;
  message: string;
  severity: 'Error' | 'Warning' | string;
}

export interface ValidationResult {
  valid: boolean;
  key: string | null;
  name: string | null;
  errors: ValidationFinding[];
}

export interface ActivityInput {
  name: string;
  required: boolean;
  description?: string | null;
}

export interface Activity {
  name: string;
  description: string | null;
  inputs: ActivityInput[];
}

export interface PolicyProfile {
  code: string;
  name: string;
  version: number;
  active: boolean;
  days: Record<string, number>;
}

export interface PreviewDeadline {
  elementId: string;
  elementName: string | null;
  kind: 'task' | 'timer' | 'reminder' | 'extension' | string;
  attachedTo: string | null;
  days: number | null;
  parameter: string | null;
  dayKind: 'working' | 'calendar' | string;
  offsetDays: number | null;
  /** Null when it cannot be computed (a parameter the profile lacks); the note says why. */
  dueDate: string | null;
  dueAt: string | null;
  provisional: boolean;
  note: string | null;
}

export interface DeadlinePreview {
  start: string;
  startAt?: string;
  profile: string;
  profileVersion?: number;
  deadlines: PreviewDeadline[];
}

export interface CalendarDay {
  date: string;
  kind: string;
  isWorkday: boolean;
  name: string | null;
  nameEn: string | null;
  provisional: boolean;
  regional: boolean;
}

export interface YearHolidays {
  year: number;
  provisional: boolean;
  anyDayProvisional: boolean;
  holidays: CalendarDay[];
  makeupWorkdays: CalendarDay[];
}

export interface InstanceHistoryEntry {
  at: string;
  kind: string;
  elementId: string | null;
  elementName: string | null;
  actor: string | null;
  outcome: string | null;
  comment: string | null;
}

export interface InstanceDeadline {
  elementId: string;
  elementName: string | null;
  kind?: 'task' | 'timer' | string;
  dueDate: string;
  dueAt: string;
  provisional: boolean;
  overdue: boolean;
}

export interface InstanceChild {
  instanceId: string;
  definitionKey: string;
  version: number;
  status: string;
}

export interface InstanceView {
  caseId?: string;
  instanceId: string;
  parentInstanceId?: string | null;
  startedAt?: string;
  endedAt?: string | null;
  definitionKey: string;
  version: number;
  status: string;
  xml: string;
  activeElementIds: string[];
  completedElementIds: string[];
  takenFlowIds: string[];
  history: InstanceHistoryEntry[];
  deadlines: InstanceDeadline[];
  children: InstanceChild[];
}

const path = (key: string) => `/api/definitions/${encodeURIComponent(key)}`;

/** Sends BPMN XML as the request body, as the definition endpoints expect it. */
async function sendXml<T>(url: string, xml: string): Promise<T> {
  const headers: Record<string, string> = { 'Content-Type': 'application/xml', Accept: 'application/json, application/problem+json' };
  const token = readCookie(xsrfCookie);
  if (token) headers[xsrfHeader] = token;
  const response = await fetch(url, { method: 'POST', headers, body: xml, credentials: 'same-origin' });
  const isJson = (response.headers.get('Content-Type') ?? '').includes('json');
  if (!response.ok) {
    const problem: ProblemDetails = isJson ? await response.json().catch(() => ({})) : { title: response.statusText };
    throw new ApiError(response.status, { status: response.status, ...problem });
  }
  return (isJson ? await response.json() : await response.text()) as T;
}

/** Undefined when the server answers 404. */
async function orNone<T>(request: Promise<T>): Promise<T | undefined> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return undefined;
    throw error;
  }
}

export const definitionsApi = {
  list: () => api.get<DefinitionVersion[]>('/api/definitions'),
  versions: (key: string) => orNone(api.get<DefinitionVersion[]>(`${path(key)}/versions`)),
  xml: (key: string, version: number) => api.get<string>(`${path(key)}/versions/${version}/xml`),
  validate: (xml: string) => sendXml<ValidationResult>('/api/definitions/validate', xml),
  publish: (xml: string) => sendXml<DefinitionVersion>('/api/definitions', xml),
  drafts: () => api.get<DraftSummary[]>('/api/definitions/drafts'),
  draft: (key: string) => orNone(api.get<Draft>(`${path(key)}/draft`)),
  saveDraft: (key: string, xml: string) => api.put<Draft>(`${path(key)}/draft`, { xml }),
  discardDraft: (key: string) => api.delete<void>(`${path(key)}/draft`),
  activities: () => api.get<Activity[]>('/api/definitions/activities'),
  deadlinePreview: (xml: string, start?: string, profile?: string) =>
    api.post<DeadlinePreview>('/api/definitions/deadline-preview', { xml, start: start || undefined, profile: profile || undefined }),
};

export const profilesApi = {
  list: () => api.get<PolicyProfile[]>('/api/profiles'),
};

export const calendarApi = {
  holidays: (year: number) => api.get<YearHolidays>(`/api/calendar/years/${year}/holidays`),
};

export const instanceApi = {
  get: (caseId: string, instanceId?: string) =>
    api.get<InstanceView>(`/api/cases/${encodeURIComponent(caseId)}/instance`, { instanceId }),
};

/** The validator's findings out of a rejected publication (problem details whose `errors` are keyed by element id). */
export function findingsOf(error: unknown): ValidationFinding[] {
  if (!(error instanceof ApiError)) return [];
  const findings: ValidationFinding[] = [];
  for (const [elementId, messages] of Object.entries(error.problem.errors ?? {})) {
    for (const message of messages) {
      const match = /^([a-z-]+): (.*)$/s.exec(message);
      findings.push({ elementId, code: match?.[1] ?? 'error', message: match?.[2] ?? message, severity: 'Error' });
    }
  }
  return findings;
}
