import { isCheckboxEntryEdited, isSelectEntryEdited, isTextAreaEntryEdited, isTextFieldEntryEdited } from '@bpmn-io/properties-panel';
import { is } from 'bpmn-js/lib/util/ModelUtil';
import type { Activity } from '../api';
import {
  checkCondition,
  checkDayKind,
  checkDays,
  checkDueFrom,
  checkFraction,
  checkLiteralOrExpression,
  checkOffset,
  type CheckProblem,
} from '../bpmn/expressions';
import { Roles } from '../../session';
import { CheckFieldEntry, SelectFieldEntry, TextAreaFieldEntry, TextEntry, type Suggestion } from './entries';
import {
  getCondition,
  getInput,
  getInputs,
  getMappings,
  getSf,
  hostOf,
  isActivityTask,
  isCallActivity,
  isDefaultFlow,
  isGatewayFlow,
  isPassThroughTask,
  isTimerEvent,
  isUserTask,
  setCondition,
  setDefaultFlow,
  parseMappings,
  setCalledElement,
  setInput,
  setMappings,
  setSf,
  timerDefinition,
  userTasksWithDeadline,
  type DiagramElement,
  type MappingDirection,
  type Services,
} from './model';
import { processKeyPattern } from '../bpmn/template';

/** What the page hands the provider (bpmn-js config key `shareflow`). */
export interface ShareFlowPanelConfig {
  /** Translates `designer.panel.<key>` / `designer.check.<key>`. */
  t: (key: string, params?: Record<string, unknown>) => string;
  /** The policy profiles' day parameters, for 期限天数 suggestions: name and the active profile's value. */
  parameters: () => { name: string; days?: number }[];
  /** The registered activities, or null when they could not be loaded. */
  activities: () => Activity[] | null;
  /** The published processes a call activity may call, by key; empty when they could not be loaded. */
  processes?: () => { key: string; name: string | null }[];
  /** The organisation's departments, for 候选部门 suggestions; empty when they could not be loaded. */
  departments?: () => { code: string; name: string }[];
}

/** The case variables that name a department, as the shipped processes assign tasks by them. */
const departmentVariables = ['providerDepartment', 'requesterDepartment', 'officeDepartment', 'buildingDepartment', 'department'] as const;

const LOW_PRIORITY = 500;

type Group = { id: string; label: string; entries: any[]; component?: unknown };

export class ShareFlowPropertiesProvider {
  static $inject = ['propertiesPanel', 'injector', 'config.shareflow'];

  private readonly services: Services;
  private readonly elementRegistry: any;
  private readonly config: ShareFlowPanelConfig;

  constructor(propertiesPanel: any, injector: any, config: ShareFlowPanelConfig | undefined) {
    propertiesPanel.registerProvider(LOW_PRIORITY, this);
    this.services = { modeling: injector.get('modeling'), bpmnFactory: injector.get('bpmnFactory') };
    this.elementRegistry = injector.get('elementRegistry');
    this.config = config ?? { t: (key) => key, parameters: () => [], activities: () => null };
  }

  getGroups(element: DiagramElement) {
    return (groups: Group[]) => {
      const ours = this.groupsFor(element);
      const general = groups.findIndex((group) => group.id === 'general');
      groups.splice(general + 1, 0, ...ours);
      return groups;
    };
  }

  groupsFor(element: DiagramElement): Group[] {
    const groups: Group[] = [];
    if (isUserTask(element)) groups.push(this.assignmentGroup(element), this.userTaskDeadlineGroup(element));
    if (isTimerEvent(element)) groups.push(this.timerDeadlineGroup(element));
    if (isActivityTask(element)) groups.push(this.activityGroup(element));
    if (isPassThroughTask(element)) groups.push(this.extensionGroup(element));
    if (isGatewayFlow(element)) groups.push(this.conditionGroup(element));
    if (isCallActivity(element)) groups.push(this.callGroup(element));
    if (is(element, 'bpmn:UserTask') && is(element.businessObject.loopCharacteristics, 'bpmn:MultiInstanceLoopCharacteristics')) {
      groups.push(this.multiInstanceGroup(element));
    }
    return groups;
  }

  private t(key: string, params?: Record<string, unknown>) {
    return this.config.t(`designer.panel.${key}`, params);
  }

  private problem(check: (value: string | undefined) => CheckProblem | null) {
    return (value: string | undefined) => {
      const problem = check(value);
      return problem ? this.config.t(`designer.check.${problem}`) : null;
    };
  }

  /** A text entry for an sf: attribute of `target` (the business object unless given). */
  private attribute(element: DiagramElement, name: string, options: {
    label: string;
    check?: (value: string | undefined) => CheckProblem | null;
    description?: string | ((value: string | undefined) => string | undefined);
    suggestions?: Suggestion[];
    target?: () => any;
    placeholder?: string;
  }) {
    const target = options.target ?? (() => element.businessObject);
    return {
      id: `sf-${name}`,
      element,
      component: TextEntry,
      isEdited: isTextFieldEntryEdited,
      label: options.label,
      description: options.description,
      suggestions: options.suggestions,
      placeholder: options.placeholder,
      getValue: () => getSf(target(), name),
      setValue: (value: string | undefined) => setSf(this.services, element, target(), name, value),
      validate: options.check ? this.problem(options.check) : undefined,
    };
  }

  private dayKindSelect(element: DiagramElement, name: string, target: () => any, allowExpression: boolean) {
    const expression = '__expression__';
    return {
      id: `sf-${name}`,
      element,
      component: SelectFieldEntry,
      isEdited: isSelectEntryEdited,
      label: this.t('dayKind'),
      getValue: () => {
        const value = getSf(target(), name);
        if (!value || value === 'working') return 'working';
        return value === 'calendar' ? 'calendar' : expression;
      },
      setValue: (value: string | undefined) => {
        if (value === expression) {
          if (!(getSf(target(), name) ?? '').startsWith('${')) setSf(this.services, element, target(), name, "${'working'}");
        } else setSf(this.services, element, target(), name, value);
      },
      getOptions: () => [
        { value: 'working', label: this.t('working') },
        { value: 'calendar', label: this.t('calendar') },
        ...(allowExpression ? [{ value: expression, label: this.t('dayKindExpression') }] : []),
      ],
    };
  }

  private daySuggestions(): Suggestion[] {
    return this.config.parameters().map((parameter) => ({
      value: parameter.name,
      label: parameter.days === undefined ? parameter.name : this.t('parameterDays', { name: parameter.name, days: parameter.days }),
    }));
  }

  /** The case's departments (${providerDepartment}...), then the organisation's, by code. */
  private departmentSuggestions(): Suggestion[] {
    return [
      ...departmentVariables.map((variable) => ({ value: `\${${variable}}`, label: this.t(`departmentOf.${variable}`) })),
      ...(this.config.departments?.() ?? []).map((department) => ({ value: department.code, label: `${department.code} · ${department.name}` })),
    ];
  }

  /** Whose department the value names: the case's provider, a department by its code...; otherwise what the field takes. */
  private departmentDescription(value: string | undefined): string {
    const text = value?.trim() ?? '';
    const variable = departmentVariables.find((candidate) => text === `\${${candidate}}`);
    if (variable) return this.t(`departmentOf.${variable}`);
    const department = (this.config.departments?.() ?? []).find((candidate) => candidate.code === text);
    return department?.name ?? this.t('literalOrExpression');
  }

  /** The roles a task can go to, by code, with what the users call them. */
  private roleSuggestions(): Suggestion[] {
    return Object.values(Roles).map((role) => ({ value: role, label: `${role} · ${this.config.t(`workspace.role.${role}`)}` }));
  }

  /** The role's name when the value is a role's code; otherwise what the field takes. */
  private roleDescription(value: string | undefined): string {
    const role = value?.trim();
    return role && (Object.values(Roles) as string[]).includes(role) ? this.config.t(`workspace.role.${role}`) : this.t('roleHelp');
  }

  private daysDescription(value: string | undefined): string {
    const parameter = this.config.parameters().find((candidate) => candidate.name === value?.trim());
    if (parameter?.days !== undefined) return this.t('dueDaysParameter', { days: parameter.days });
    return this.t('dueDaysHelp');
  }

  /** 调用子流程: the called process's key, and the variables copied into it and back out of it (sf:in, sf:out). */
  private callGroup(element: DiagramElement): Group {
    const processes = () => this.config.processes?.() ?? [];
    const mappings = (direction: MappingDirection) => ({
      id: `sf-mappings${direction}`,
      element,
      component: TextAreaFieldEntry,
      isEdited: isTextAreaEntryEdited,
      label: this.t(direction === 'In' ? 'mappingsIn' : 'mappingsOut'),
      description: this.t('mappingsHelp'),
      getValue: () => getMappings(element, direction),
      setValue: (value: string | undefined) => setMappings(this.services, element, direction, value),
      validate: (value: string | undefined) => {
        const parsed = parseMappings(value);
        return 'badLine' in parsed ? this.config.t('designer.check.badMapping', { n: parsed.badLine }) : null;
      },
    });
    return {
      id: 'shareflow-call',
      label: this.t('callGroup'),
      entries: [
        {
          id: 'sf-calledElement',
          element,
          component: TextEntry,
          isEdited: isTextFieldEntryEdited,
          label: this.t('calledElement'),
          suggestions: processes().map((process) => ({ value: process.key, label: process.name ?? process.key })),
          description: (value: string | undefined) => {
            const key = value?.trim();
            if (!key || processes().length === 0) return undefined;
            const process = processes().find((candidate) => candidate.key === key);
            return process ? this.t('calledProcess', { name: process.name ?? process.key }) : this.t('calledUnknown');
          },
          getValue: () => element.businessObject.calledElement ?? undefined,
          setValue: (value: string | undefined) => setCalledElement(this.services, element, value),
          validate: (value: string | undefined) => {
            const key = value?.trim();
            if (!key) return this.config.t('designer.check.required');
            return processKeyPattern.test(key) ? null : this.config.t('designer.check.badProcessKey');
          },
        },
        mappings('In'),
        mappings('Out'),
      ],
    };
  }

  private assignmentGroup(element: DiagramElement): Group {
    return {
      id: 'shareflow-assignment',
      label: this.t('assignment'),
      entries: [
        this.attribute(element, 'candidateDepartment', {
          label: this.t('candidateDepartment'),
          check: checkLiteralOrExpression,
          suggestions: this.departmentSuggestions(),
          description: (value) => this.departmentDescription(value),
        }),
        this.attribute(element, 'candidateRole', {
          label: this.t('candidateRole'),
          check: checkLiteralOrExpression,
          suggestions: this.roleSuggestions(),
          description: (value) => this.roleDescription(value),
        }),
        this.attribute(element, 'assignee', { label: this.t('assignee'), check: checkLiteralOrExpression }),
        this.attribute(element, 'formKey', { label: this.t('formKey') }),
      ],
    };
  }

  private userTaskDeadlineGroup(element: DiagramElement): Group {
    const bo = () => element.businessObject;
    const entries: any[] = [
      this.attribute(element, 'dueDays', {
        label: this.t('dueDays'),
        check: checkDays,
        suggestions: this.daySuggestions(),
        description: (value) => this.daysDescription(value),
      }),
      this.dayKindSelect(element, 'dueDayKind', bo, true),
    ];
    const kind = getSf(bo(), 'dueDayKind');
    if (kind && kind !== 'working' && kind !== 'calendar') {
      entries.push({
        ...this.attribute(element, 'dueDayKind', { label: this.t('dayKindExpression'), check: checkDayKind }),
        id: 'sf-dueDayKindExpression',
      });
    }
    entries.push(this.attribute(element, 'dueFrom', { label: this.t('dueFrom'), check: checkDueFrom, description: this.t('dueFromHelp'), placeholder: 'yyyy-MM-dd / ${…}' }));
    return { id: 'shareflow-deadline', label: this.t('deadline'), entries };
  }

  private timerDeadlineGroup(element: DiagramElement): Group {
    const timer = () => timerDefinition(element);
    const host = hostOf(element);
    const anchoredOnDue = () => getSf(timer(), 'anchor') === 'taskDue';
    const kindLabel = () => {
      if (anchoredOnDue() && host) {
        const hostKind = getSf(host, 'dueDayKind');
        return this.t(hostKind === 'calendar' ? 'calendarDays' : 'workingDays');
      }
      return this.t(getSf(timer(), 'dayKind') === 'calendar' ? 'calendarDays' : 'workingDays');
    };
    const entries: any[] = [
      {
        id: 'sf-anchor',
        element,
        component: SelectFieldEntry,
        isEdited: isSelectEntryEdited,
        label: this.t('anchor'),
        getValue: () => getSf(timer(), 'anchor') ?? 'entry',
        setValue: (value: string | undefined) => setSf(this.services, element, timer()!, 'anchor', value === 'entry' ? undefined : value),
        getOptions: () => [
          { value: 'entry', label: this.t('anchorEntry') },
          ...(host && is(host, 'bpmn:UserTask') ? [{ value: 'taskDue', label: this.t('anchorTaskDue') }] : []),
        ],
      },
      this.attribute(element, 'days', {
        label: this.t('dueDays'),
        check: (value) => checkDays(value, 0),
        suggestions: this.daySuggestions(),
        target: timer,
        description: (value) => (anchoredOnDue() ? this.t('daysAfterDue') : this.daysDescription(value)),
      }),
      this.dayKindSelect(element, 'dayKind', timer, false),
      this.attribute(element, 'offsetDays', {
        label: this.t('offsetDays'),
        check: checkOffset,
        target: timer,
        description: (value) => {
          const offset = Number(value ?? '');
          if (!value || Number.isNaN(offset) || offset === 0) return this.t('offsetHelp');
          return offset < 0
            ? this.t('offsetBefore', { days: -offset, kind: kindLabel() })
            : this.t('offsetAfter', { days: offset, kind: kindLabel() });
        },
      }),
    ];
    if (anchoredOnDue()) {
      entries.push(this.attribute(element, 'fraction', { label: this.t('fraction'), check: checkFraction, target: timer, description: this.t('fractionHelp') }));
    }
    return { id: 'shareflow-timer', label: this.t('deadline'), entries };
  }

  private activityGroup(element: DiagramElement): Group {
    const activities = this.config.activities();
    const current = getSf(element.businessObject, 'activity');
    const activity = activities?.find((candidate) => candidate.name === current);
    const entries: any[] = [];
    if (activities) {
      entries.push({
        id: 'sf-activity',
        element,
        component: SelectFieldEntry,
        isEdited: isSelectEntryEdited,
        label: this.t('activity'),
        description: activity?.description ?? (current ? this.t('unknownActivity') : undefined),
        getValue: () => getSf(element.businessObject, 'activity') ?? '',
        setValue: (value: string | undefined) => setSf(this.services, element, element.businessObject, 'activity', value),
        getOptions: () => [
          { value: '', label: this.t('noActivity') },
          ...(current && !activity ? [{ value: current, label: `${current} (${this.t('unknownActivity')})` }] : []),
          ...activities.map((candidate) => ({ value: candidate.name, label: candidate.name })),
        ],
      });
    } else {
      entries.push(this.attribute(element, 'activity', { label: this.t('activity'), description: this.t('activitiesUnavailable') }));
    }
    const declared = activity?.inputs ?? [];
    const names = [...declared.map((input) => input.name), ...getInputs(element).map((input) => input.name as string)];
    for (const name of [...new Set(names)]) {
      const declaration = declared.find((input) => input.name === name);
      entries.push({
        id: `sf-input-${name}`,
        element,
        component: TextEntry,
        isEdited: isTextFieldEntryEdited,
        label: `${this.t('input')} ${name}${declaration?.required ? ' *' : ''}`,
        description: activity && !declaration ? this.t('undeclaredInput') : declaration?.description ?? undefined,
        getValue: () => getInput(element, name),
        setValue: (value: string | undefined) => setInput(this.services, element, name, value),
        validate: (value: string | undefined) => {
          if (declaration?.required && !value?.trim()) return this.config.t('designer.check.required');
          const problem = checkLiteralOrExpression(value);
          return problem && problem !== 'mixedText' ? this.config.t(`designer.check.${problem}`) : null;
        },
      });
    }
    return { id: 'shareflow-activity', label: this.t('activityGroup'), entries };
  }

  private extensionGroup(element: DiagramElement): Group {
    return {
      id: 'shareflow-extension',
      label: this.t('extension'),
      entries: [
        {
          id: 'sf-extendDeadlineOf',
          element,
          component: SelectFieldEntry,
          isEdited: isSelectEntryEdited,
          label: this.t('extendDeadlineOf'),
          getValue: () => getSf(element.businessObject, 'extendDeadlineOf') ?? '',
          setValue: (value: string | undefined) => setSf(this.services, element, element.businessObject, 'extendDeadlineOf', value),
          getOptions: () => [
            { value: '', label: this.t('noExtension') },
            ...userTasksWithDeadline(this.elementRegistry).map((task) => ({ value: task.id, label: task.name ? `${task.name} (${task.id})` : task.id })),
          ],
        },
        this.attribute(element, 'extendDays', { label: this.t('extendDays'), check: checkDays, suggestions: this.daySuggestions() }),
      ],
    };
  }

  private conditionGroup(element: DiagramElement): Group {
    const source = element.source as DiagramElement;
    const exclusive = is(element.businessObject.sourceRef, 'bpmn:ExclusiveGateway');
    const entries: any[] = [
      {
        id: 'sf-condition',
        element,
        component: TextAreaFieldEntry,
        isEdited: isTextAreaEntryEdited,
        label: this.t('condition'),
        description: exclusive ? this.t('conditionHelp') : this.t('conditionNotAllowed'),
        getValue: () => getCondition(element),
        setValue: (value: string | undefined) => setCondition(this.services, element, value),
        validate: (value: string | undefined) => {
          if (!value?.trim()) return null;
          const problem = checkCondition(value);
          return problem ? this.config.t(`designer.check.${problem}`) : null;
        },
      },
    ];
    if (exclusive && source) {
      entries.push({
        id: 'sf-defaultFlow',
        element,
        component: CheckFieldEntry,
        isEdited: isCheckboxEntryEdited,
        label: this.t('defaultFlow'),
        getValue: () => isDefaultFlow(element),
        setValue: (on: boolean) => setDefaultFlow(this.services, element, on, source),
      });
    }
    return { id: 'shareflow-condition', label: this.t('conditionGroup'), entries };
  }

  private multiInstanceGroup(element: DiagramElement): Group {
    const loop = () => element.businessObject.loopCharacteristics;
    return {
      id: 'shareflow-multi-instance',
      label: this.t('multiInstance'),
      entries: [
        this.attribute(element, 'collection', {
          label: this.t('collection'),
          target: loop,
          check: (value) => (value?.trim() ? checkCondition(value) : null),
        }),
        this.attribute(element, 'elementVariable', { label: this.t('elementVariable'), target: loop }),
      ],
    };
  }
}

/** The bpmn-js module of the ShareFlow groups. */
export const ShareFlowPropertiesProviderModule = {
  __init__: ['shareflowPropertiesProvider'],
  shareflowPropertiesProvider: ['type', ShareFlowPropertiesProvider],
};
