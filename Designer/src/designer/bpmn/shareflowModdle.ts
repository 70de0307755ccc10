/**
 * The moddle descriptor of ShareFlow's BPMN extension (docs/bpmn-extensions.md), namespace `urn:shareflow:bpmn:1`.
 * Every attribute is a string so that an imported value is written back exactly as it was read
 * (`-2`, `0.5`, `${expression}`, a profile parameter name); the properties panel interprets them.
 */
export const shareflowNamespace = 'urn:shareflow:bpmn:1';

export const shareflowDescriptor = {
  name: 'ShareFlow',
  prefix: 'sf',
  uri: shareflowNamespace,
  xml: { tagAlias: 'lowerCase' },
  associations: [],
  types: [
    {
      // Who a user task goes to, and its deadline.
      name: 'UserTaskAttributes',
      isAbstract: true,
      extends: ['bpmn:UserTask'],
      properties: [
        { name: 'candidateDepartment', isAttr: true, type: 'String' },
        { name: 'candidateRole', isAttr: true, type: 'String' },
        { name: 'assignee', isAttr: true, type: 'String' },
        { name: 'dueDays', isAttr: true, type: 'String' },
        { name: 'dueDayKind', isAttr: true, type: 'String' },
        { name: 'dueFrom', isAttr: true, type: 'String' },
        { name: 'formKey', isAttr: true, type: 'String' },
      ],
    },
    {
      // The registered activity a service or send task runs.
      name: 'ActivityBinding',
      isAbstract: true,
      extends: ['bpmn:ServiceTask', 'bpmn:SendTask'],
      properties: [{ name: 'activity', isAttr: true, type: 'String' }],
    },
    {
      // A task or manual task that moves the deadline of an open user task (延期).
      name: 'DeadlineExtension',
      isAbstract: true,
      extends: ['bpmn:Task'],
      properties: [
        { name: 'extendDeadlineOf', isAttr: true, type: 'String' },
        { name: 'extendDays', isAttr: true, type: 'String' },
      ],
    },
    {
      // Day timers counted on the official calendar.
      name: 'DayTimer',
      isAbstract: true,
      extends: ['bpmn:TimerEventDefinition'],
      properties: [
        { name: 'days', isAttr: true, type: 'String' },
        { name: 'dayKind', isAttr: true, type: 'String' },
        { name: 'offsetDays', isAttr: true, type: 'String' },
        { name: 'anchor', isAttr: true, type: 'String' },
        { name: 'fraction', isAttr: true, type: 'String' },
      ],
    },
    {
      name: 'MultiInstanceCollection',
      isAbstract: true,
      extends: ['bpmn:MultiInstanceLoopCharacteristics'],
      properties: [
        { name: 'collection', isAttr: true, type: 'String' },
        { name: 'elementVariable', isAttr: true, type: 'String' },
      ],
    },
    {
      // <sf:input name="…" value="…"/> inside a service or send task's extensionElements.
      name: 'Input',
      superClass: ['Element'],
      meta: { allowedIn: ['bpmn:ServiceTask', 'bpmn:SendTask'] },
      properties: [
        { name: 'name', isAttr: true, type: 'String' },
        { name: 'value', isAttr: true, type: 'String' },
      ],
    },
    {
      // <sf:in source="…" target="…"/> or <sf:in variables="all"/> inside a call activity.
      name: 'In',
      superClass: ['Element'],
      meta: { allowedIn: ['bpmn:CallActivity'] },
      properties: [
        { name: 'source', isAttr: true, type: 'String' },
        { name: 'target', isAttr: true, type: 'String' },
        { name: 'variables', isAttr: true, type: 'String' },
      ],
    },
    {
      name: 'Out',
      superClass: ['Element'],
      meta: { allowedIn: ['bpmn:CallActivity'] },
      properties: [
        { name: 'source', isAttr: true, type: 'String' },
        { name: 'target', isAttr: true, type: 'String' },
        { name: 'variables', isAttr: true, type: 'String' },
      ],
    },
  ],
  enumerations: [],
};

/** The moddle extensions option of bpmn-js and bpmn-moddle. */
export const moddleExtensions = { sf: shareflowDescriptor };
