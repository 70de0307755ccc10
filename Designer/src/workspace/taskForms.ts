import type { TaskAnswer } from './api';

/**
 * What a person fills in to finish each kind of task, as the Host's TaskAnswers routes it: the choices (`outcome`) and
 * the fields each choice needs. A task the table does not know gets the generic form (approve / refuse with reasons).
 */

export type AnswerField =
  | 'items'
  | 'conditions'
  | 'reasons'
  | 'legalBasis'
  | 'opinion'
  | 'result'
  | 'planBasis'
  | 'planSteps'
  | 'committedDate'
  | 'openedScope'
  | 'description'
  | 'jointDepartments'
  | 'entries'
  | 'changeKind'
  | 'resourceId'
  | 'code'
  | 'name'
  | 'shareType'
  | 'changeItems';

export interface OutcomeSpec {
  /** The radio's value; also what is sent unless `send` says otherwise. */
  value: string;
  /** i18n key under `workspace.choice`. */
  label: string;
  send?: string;
  /** Fields shown only for this choice. */
  fields: AnswerField[];
  /** Fields this choice cannot go without under every profile's rules (marked required; the server still decides). */
  required?: AnswerField[];
}

export interface TaskFormSpec {
  kind: string;
  /** i18n key under `workspace.answer` for the radio group's label. */
  outcomeLabel: string;
  outcomes: OutcomeSpec[];
  /** Fields shown whatever the choice, after the choice's own. */
  common: AnswerField[];
  /** Where the item checkboxes come from: the case's requested items, or the user's department's catalog codes. */
  itemsFrom?: 'requested' | 'ownCatalog';
}

const sharingReview: TaskFormSpec = {
  kind: 'sharingReview',
  outcomeLabel: 'decision',
  outcomes: [
    { value: 'approve', label: 'approve', fields: ['conditions'] },
    // 不予共享的，须书面说明理由: a refusal, and the items not approved of a partial answer, give written reasons.
    { value: 'partial', label: 'partial', send: 'approve', fields: ['items', 'conditions'], required: ['items', 'reasons'] },
    { value: 'refuse', label: 'refuse', fields: [], required: ['reasons'] },
  ],
  common: ['reasons', 'legalBasis', 'opinion'],
  itemsFrom: 'requested',
};

const specs: Record<string, TaskFormSpec> = {
  'sharingApplication/review': sharingReview,
  'sharingApplication/coordinate': {
    ...sharingReview,
    kind: 'sharingCoordinate',
    outcomes: [...sharingReview.outcomes, { value: 'rectify', label: 'rectify', fields: [] }],
  },
  'sharingApplication/answerRefusal': {
    kind: 'answerRefusal',
    outcomeLabel: 'handling',
    outcomes: [
      { value: 'accept', label: 'acceptAnswer', fields: [] },
      { value: 'dispute', label: 'askCoordination', fields: [] },
    ],
    common: ['opinion'],
  },
  'catalogChange/submit': {
    kind: 'catalogSubmit',
    outcomeLabel: 'handling',
    outcomes: [
      { value: 'submit', label: 'submitChange', fields: ['changeKind', 'resourceId', 'code', 'name', 'shareType', 'changeItems', 'legalBasis', 'reasons'] },
      { value: 'withdraw', label: 'withdrawChange', fields: ['reasons'] },
    ],
    common: [],
  },
  'catalogChange/followUp': {
    kind: 'catalogFollowUp',
    outcomeLabel: 'handling',
    outcomes: [
      { value: 'urge', label: 'urge', fields: [] },
      { value: 'rectify', label: 'rectify', fields: [] },
    ],
    common: ['opinion'],
  },
  'catalogChange/reviewExtension': {
    kind: 'extensionReview',
    outcomeLabel: 'reviewResult',
    outcomes: [
      { value: 'approve', label: 'approveExtension', fields: [] },
      { value: 'refuse', label: 'refuseExtension', fields: [] },
    ],
    common: ['opinion'],
  },
  'catalogChange/review': {
    kind: 'catalogReview',
    outcomeLabel: 'reviewResult',
    outcomes: [
      { value: 'approve', label: 'reviewPass', fields: [] },
      { value: 'return', label: 'reviewReturn', fields: [] },
    ],
    common: ['opinion'],
  },
  'sharingDispute/negotiate': {
    kind: 'disputeNegotiate',
    outcomeLabel: 'negotiation',
    outcomes: [
      { value: 'agree', label: 'agree', fields: ['items', 'conditions'] },
      { value: 'disagree', label: 'disagree', fields: [], required: ['reasons'] },
    ],
    common: ['reasons', 'opinion'],
    itemsFrom: 'requested',
  },
  'sharingDispute/decideTier': {
    kind: 'disputeDecide',
    outcomeLabel: 'ruling',
    outcomes: [
      // A tier's holder always gives written reasons, whatever the ruling.
      { value: 'grant', label: 'grant', fields: ['items', 'conditions'], required: ['reasons'] },
      { value: 'uphold', label: 'uphold', fields: [], required: ['reasons'] },
      { value: 'passOn', label: 'passOn', fields: ['jointDepartments'], required: ['reasons'] },
    ],
    common: ['reasons', 'opinion'],
    itemsFrom: 'requested',
  },
  'sharingDispute/jointOpinion': {
    // 会同意见: a joint department's principal, before the office decides at a joint tier.
    kind: 'disputeJointOpinion',
    outcomeLabel: 'jointOpinion',
    outcomes: [
      { value: 'agree', label: 'agree', fields: [] },
      // A department that does not agree says why (会同意见须说明理由).
      { value: 'disagree', label: 'disagree', fields: [], required: ['opinion'] },
    ],
    common: ['opinion'],
  },
  'dataObjection/verify': {
    kind: 'objectionVerify',
    outcomeLabel: 'verification',
    outcomes: [
      { value: 'corrected', label: 'corrected', fields: ['result'] },
      { value: 'noError', label: 'noError', fields: ['result'] },
      { value: 'plan', label: 'plan', fields: ['planBasis', 'planSteps', 'committedDate'] },
    ],
    common: ['opinion'],
  },
  'dataObjection/reviewPlan': {
    kind: 'planReview',
    outcomeLabel: 'reviewResult',
    outcomes: [
      { value: 'approve', label: 'approvePlan', fields: [] },
      { value: 'reject', label: 'rejectPlan', fields: [], required: ['opinion'] },
    ],
    common: ['opinion'],
  },
  'dataObjection/correct': {
    kind: 'objectionCorrect',
    outcomeLabel: 'handling',
    outcomes: [{ value: 'corrected', label: 'reportCorrected', fields: [] }],
    common: ['result'],
  },
  'dataObjection/confirm': {
    kind: 'objectionConfirm',
    outcomeLabel: 'handling',
    outcomes: [
      { value: 'accept', label: 'acceptResult', fields: [] },
      { value: 'disagree', label: 'disagreeResult', fields: [] },
    ],
    common: ['result'],
  },
  'dataObjection/handle': {
    kind: 'objectionHandle',
    outcomeLabel: 'finding',
    outcomes: [
      { value: 'Corrected', label: 'foundCorrected', fields: [] },
      { value: 'NoErrorFound', label: 'foundNoError', fields: [] },
    ],
    common: ['result'],
  },
  'openDataRequest/answer': {
    kind: 'openDataAnswer',
    outcomeLabel: 'decision',
    outcomes: [
      { value: 'open', label: 'open', fields: ['openedScope', 'conditions'] },
      { value: 'partial', label: 'openPartial', fields: ['openedScope', 'conditions', 'reasons', 'legalBasis'], required: ['openedScope', 'reasons'] },
      { value: 'refuse', label: 'openRefuse', fields: ['reasons', 'legalBasis'], required: ['reasons'] },
    ],
    common: [],
  },
  'acceptanceSubmission/submit': {
    kind: 'acceptanceSubmit',
    outcomeLabel: 'handling',
    outcomes: [{ value: 'submit', label: 'submitData', fields: [] }],
    common: ['entries', 'description'],
    itemsFrom: 'ownCatalog',
  },
  'acceptanceSubmission/review': {
    kind: 'acceptanceReview',
    outcomeLabel: 'reviewResult',
    outcomes: [
      { value: 'passed', label: 'passed', fields: [] },
      { value: 'failed', label: 'failed', fields: ['reasons'], required: ['reasons'] },
    ],
    common: [],
  },
  'rectificationOrder/correct': {
    kind: 'rectificationCorrect',
    outcomeLabel: 'handling',
    outcomes: [{ value: 'corrected', label: 'reportCorrected', fields: [] }],
    common: ['result'],
  },
  'rectificationOrder/verify': {
    kind: 'rectificationVerify',
    outcomeLabel: 'reviewResult',
    outcomes: [
      { value: 'accept', label: 'rectified', fields: [] },
      { value: 'reject', label: 'notRectified', fields: [] },
    ],
    common: ['opinion'],
  },
  'rectificationOrder/decideAbove': {
    kind: 'rectificationConclude',
    outcomeLabel: 'handling',
    outcomes: [{ value: 'concluded', label: 'concluded', fields: [] }],
    common: ['result'],
  },
};
specs['acceptanceSubmission/correct'] = { ...specs['acceptanceSubmission/submit'], kind: 'acceptanceCorrect' };

export const genericSpec: TaskFormSpec = {
  kind: 'generic',
  outcomeLabel: 'decision',
  outcomes: [
    { value: 'approve', label: 'genericApprove', fields: [] },
    { value: 'refuse', label: 'genericRefuse', fields: [] },
  ],
  common: ['reasons', 'legalBasis', 'opinion'],
};

export function formFor(processKey: string | null | undefined, elementId: string | null | undefined): TaskFormSpec {
  return specs[`${processKey}/${elementId}`] ?? genericSpec;
}

/** Whether the task is the provider's review of a sharing application, the only one 补正 applies to. */
export function allowsSupplement(processKey: string | null | undefined, elementId: string | null | undefined): boolean {
  return processKey === 'sharingApplication' && elementId === 'review';
}

/** The fields the chosen outcome cannot go without. */
export function requiredFields(spec: TaskFormSpec, outcome: string): AnswerField[] {
  return spec.outcomes.find((option) => option.value === outcome)?.required ?? [];
}

export function visibleFields(spec: TaskFormSpec, outcome: string): AnswerField[] {
  const chosen = spec.outcomes.find((option) => option.value === outcome);
  const fields = [...(chosen?.fields ?? []), ...spec.common];
  return fields.filter((field, index) => fields.indexOf(field) === index);
}

export interface AnswerState {
  outcome: string;
  items: string[];
  conditions: string;
  reasons: string;
  legalBasis: string;
  opinion: string;
  result: string;
  planBasis: string;
  planSteps: string;
  committedDate: string | null;
  openedScope: string;
  description: string;
  jointDepartments: string[];
  entries: string[];
  changeKind: string;
  resourceId: string;
  code: string;
  name: string;
  shareType: string;
  changeItems: string[];
}

export function emptyAnswer(spec: TaskFormSpec): AnswerState {
  return {
    outcome: spec.outcomes.length === 1 ? spec.outcomes[0].value : '',
    items: [],
    conditions: '',
    reasons: '',
    legalBasis: '',
    opinion: '',
    result: '',
    planBasis: '',
    planSteps: '',
    committedDate: null,
    openedScope: '',
    description: '',
    jointDepartments: [],
    entries: [],
    changeKind: '',
    resourceId: '',
    code: '',
    name: '',
    shareType: '',
    changeItems: [],
  };
}

/**
 * The request body for the chosen outcome: only the fields shown for it, and only those filled in, so a hidden field
 * typed into earlier is not sent (it stays in the form should the person switch back).
 */
export function buildAnswer(spec: TaskFormSpec, state: AnswerState): TaskAnswer {
  const chosen = spec.outcomes.find((option) => option.value === state.outcome);
  const answer: TaskAnswer = { outcome: chosen ? (chosen.send ?? chosen.value) : state.outcome };
  const text = (value: string) => (value.trim().length > 0 ? value.trim() : undefined);
  const list = (value: string[]) => (value.length > 0 ? [...value] : undefined);
  for (const field of visibleFields(spec, state.outcome)) {
    switch (field) {
      case 'items':
        // A partial approval sends the checked items even when none are checked, so the server can say what is missing.
        answer.items = chosen?.value === 'partial' ? [...state.items] : list(state.items);
        break;
      case 'entries':
        answer.items = [...state.entries];
        break;
      case 'changeItems':
        answer.items = list(state.changeItems);
        break;
      case 'changeKind':
        answer.kind = text(state.changeKind);
        break;
      case 'committedDate':
        answer.committedDate = state.committedDate ?? undefined;
        break;
      case 'jointDepartments':
        answer.jointDepartments = list(state.jointDepartments);
        break;
      default:
        answer[field] = text(state[field]);
    }
  }
  for (const key of Object.keys(answer) as (keyof TaskAnswer)[]) {
    if (answer[key] === undefined) delete answer[key];
  }
  return answer;
}

/** The server's names for each form field: a rule may name `decision` or `finding` where the form says outcome. */
const serverNames: Partial<Record<AnswerField | 'outcome', string[]>> = {
  outcome: ['outcome', 'decision', 'finding', 'reviewDecision', 'extensionDecision', 'officeAction', 'verification'],
  items: ['items', 'grantedItems', 'approvedItems'],
  entries: ['items', 'entries'],
  changeItems: ['items'],
  changeKind: ['kind'],
  result: ['result', 'report'],
};

export function serverFieldNames(field: AnswerField | 'outcome'): string[] {
  return serverNames[field] ?? [field];
}
