import { afterEach, describe, expect, it } from 'vitest';
import { choose, field, groupTitles, openModeler, type } from './support/modeler';
import { parseBpmn } from '../../src/designer/bpmn/moddle';

let opened: Awaited<ReturnType<typeof openModeler>> | undefined;
afterEach(() => {
  opened?.cleanup();
  opened = undefined;
});

/** What a text field offers as the user types (its datalist). */
function suggestions(input: HTMLInputElement): HTMLOptionElement[] {
  return Array.from(opened!.panel.querySelectorAll(`#${input.getAttribute('list')} option`));
}

/** The review task's field labelled `label` of the shipped sharing process, with its entry (description included). */
async function reviewField(label: string, attribute: string) {
  opened = await openModeler('sharing-application.bpmn');
  await opened.select('review');
  return { input: field(opened.panel, label) as HTMLInputElement, entry: opened.panel.querySelector(`[data-entry-id="sf-${attribute}"]`)! };
}

async function exported() {
  const { xml } = await opened!.modeler.saveXML({ format: true });
  return (await parseBpmn(xml!)).elementsById;
}

describe('the ShareFlow groups of the properties panel', () => {
  it('shows assignment and a 期限 group with 期限天数 and 计日方式 on a user task', async () => {
    opened = await openModeler('sharing-application.bpmn');
    await opened.select('review');
    expect(groupTitles(opened.panel)).toEqual(expect.arrayContaining(['办理人', '期限']));
    expect(field(opened.panel, '候选部门').value).toBe('${providerDepartment}');
    expect(field(opened.panel, '候选角色').value).toBe('provider-reviewer');
    expect(field(opened.panel, '期限天数').value).toBe('sharing.answerDays');
    const kind = field(opened.panel, '计日方式') as HTMLSelectElement;
    expect(kind.value).toBe('working');
    expect(Array.from(kind.options).map((option) => option.text)).toEqual(['工作日', '自然日', '由表达式决定']);
    expect(opened.panel.textContent).toContain('当前生效策略为 15 天');
  });

  it('offers the profile parameters as suggestions for 期限天数', async () => {
    opened = await openModeler('sharing-application.bpmn');
    await opened.select('review');
    expect(suggestions(field(opened.panel, '期限天数') as HTMLInputElement).map((option) => option.value)).toEqual(['sharing.answerDays', 'rectification.days']);
  });

  it('names the candidate role and offers the roles as suggestions', async () => {
    const { input, entry } = await reviewField('候选角色', 'candidateRole');
    expect(entry.textContent).toContain('提供部门审核人');
    const options = suggestions(input);
    expect(options.map((option) => option.value)).toContain('coordinating-office');
    expect(options.find((option) => option.value === 'coordinating-office')?.label).toBe('coordinating-office · 共享主管部门');

    await type(input, '${reviewRole}');
    expect(entry.textContent).toContain('角色代码（如 provider-reviewer），或一个表达式');
    expect((await exported()).review.get('sf:candidateRole')).toBe('${reviewRole}');
  });

  it('says whose department the candidate department is, and offers the case’s departments and the organisation’s', async () => {
    const { input, entry } = await reviewField('候选部门', 'candidateDepartment');
    expect(entry.textContent).toContain('案件的提供部门');
    const options = suggestions(input);
    expect(options.map((option) => option.value)).toEqual(
      ['${providerDepartment}', '${requesterDepartment}', '${officeDepartment}', '${buildingDepartment}', '${department}', 'psb', 'dsj']);
    expect(options.at(-2)?.label).toBe('psb · 市公安局');

    await type(input, 'psb');
    expect(entry.textContent).toContain('市公安局');
    await type(input, '${reviewDepartment}');
    expect(entry.textContent).toContain('固定值，或一个表达式');
  });

  it('writes 期限天数 and 计日方式 into the exported XML', async () => {
    opened = await openModeler('sharing-application.bpmn');
    await opened.select('review');
    await type(field(opened.panel, '期限天数') as HTMLInputElement, '5');
    await choose(field(opened.panel, '计日方式') as HTMLSelectElement, 'calendar');
    const review = (await exported()).review;
    expect(review.get('sf:dueDays')).toBe('5');
    expect(review.get('sf:dueDayKind')).toBe('calendar');
    expect(review.get('sf:candidateDepartment')).toBe('${providerDepartment}');
  });

  it('shows a typing mistake under the field at once', async () => {
    opened = await openModeler('sharing-application.bpmn');
    await opened.select('review');
    await type(field(opened.panel, '期限天数') as HTMLInputElement, 'answerDays');
    expect(opened.panel.querySelector('[data-entry-id="sf-dueDays"] .bio-properties-panel-error')?.textContent).toContain('策略参数名');
    await type(field(opened.panel, '候选部门') as HTMLInputElement, 'dept-${code}');
    expect(opened.panel.querySelector('[data-entry-id="sf-candidateDepartment"] .bio-properties-panel-error')?.textContent).toContain('不能把固定文字');
  });

  it('edits a reminder timer counted from the task deadline and explains the offset', async () => {
    opened = await openModeler('sharing-application.bpmn');
    await opened.select('finalReminder');
    expect(groupTitles(opened.panel)).toContain('期限');
    expect((field(opened.panel, '起算') as HTMLSelectElement).value).toBe('taskDue');
    expect(field(opened.panel, '偏移天数').value).toBe('-2');
    expect(opened.panel.textContent).toContain('即期限届满前 2 个工作日');
    await type(field(opened.panel, '偏移天数') as HTMLInputElement, '-3');
    expect(opened.panel.textContent).toContain('即期限届满前 3 个工作日');
    const definition = (await exported()).finalReminder.eventDefinitions[0];
    expect(definition.get('sf:offsetDays')).toBe('-3');
    expect(definition.get('sf:anchor')).toBe('taskDue');
  });

  it('shows the fraction of a halfway reminder, and day timers counted from entry', async () => {
    opened = await openModeler('sharing-application.bpmn');
    await opened.select('halfwayReminder');
    expect(field(opened.panel, '期限比例').value).toBe('0.5');
    await choose(field(opened.panel, '起算') as HTMLSelectElement, 'entry');
    expect(() => field(opened!.panel, '期限比例')).toThrow();
    await type(field(opened.panel, '期限天数') as HTMLInputElement, '5');
    const definition = (await exported()).halfwayReminder.eventDefinitions[0];
    expect(definition.get('sf:anchor')).toBeUndefined();
    expect(definition.get('sf:days')).toBe('5');
  });

  it('selects the activity of a send task and edits its declared inputs', async () => {
    opened = await openModeler('sharing-application.bpmn');
    await opened.select('remindReviewers');
    const activity = field(opened.panel, '活动') as HTMLSelectElement;
    expect(activity.value).toBe('notice');
    expect(field(opened.panel, '输入 kind *').value).toBe('reminder');
    expect(field(opened.panel, '输入 department').value).toBe('${providerDepartment}');
    await type(field(opened.panel, '输入 body') as HTMLInputElement, '请及时处理');
    await type(field(opened.panel, '输入 role') as HTMLInputElement, '');
    const inputs = (await exported()).remindReviewers.extensionElements.values.map((input: any) => `${input.name}=${input.value}`);
    expect(inputs).toContain('body=请及时处理');
    expect(inputs.some((input: string) => input.startsWith('role='))).toBe(false);
  });

  it('adds an input to a service task that had none', async () => {
    opened = await openModeler('sharing-application.bpmn');
    await opened.select('register');
    await choose(field(opened.panel, '活动') as HTMLSelectElement, 'notice');
    await type(field(opened.panel, '输入 subject *') as HTMLInputElement, '已登记');
    const register = (await exported()).register;
    expect(register.get('sf:activity')).toBe('notice');
    expect(register.extensionElements.values[0].$type).toBe('sf:Input');
    expect(register.extensionElements.values[0].value).toBe('已登记');
  });

  it('shows the called process of a call activity and the variables it passes in and takes back', async () => {
    opened = await openModeler('sharing-application.bpmn');
    await opened.select('rectify');
    expect(groupTitles(opened.panel)).toContain('调用子流程');
    expect(field(opened.panel, '被调用流程').value).toBe('rectificationOrder');
    expect(opened.panel.textContent).toContain('调用“限期整改”的最新发布版本');
    const passedIn = field(opened.panel, '传入变量（本流程 → 子流程）').value.split('\n');
    expect(passedIn.slice(0, 2)).toEqual(['rectificationDepartment=department', 'applicationId=subjectCaseId']);
    const input = field(opened.panel, '被调用流程') as HTMLInputElement;
    const list = opened.panel.querySelector(`#${input.getAttribute('list')}`);
    expect(Array.from(list!.querySelectorAll('option')).map((option) => option.value)).toEqual(['rectificationOrder', 'sharingDispute']);
  });

  it('writes the called process and the mappings, outputs after inputs, into the exported XML', async () => {
    opened = await openModeler('sharing-application.bpmn');
    await opened.select('rectify');
    await type(field(opened.panel, '被调用流程') as HTMLInputElement, 'dataCorrection');
    expect(opened.panel.textContent).toContain('尚无已发布的此流程');
    await type(field(opened.panel, '传入变量（本流程 → 子流程）') as HTMLTextAreaElement, 'applicationId = subjectCaseId\n\n*');
    await type(field(opened.panel, '传出变量（子流程 → 本流程）') as HTMLTextAreaElement, 'orderOutcome=rectificationOutcome');
    const rectify = (await exported()).rectify;
    expect(rectify.calledElement).toBe('dataCorrection');
    expect(rectify.extensionElements.values.map((value: any) => [value.$type, value.source ?? value.variables, value.target])).toEqual([
      ['sf:In', 'applicationId', 'subjectCaseId'],
      ['sf:In', 'all', undefined],
      ['sf:Out', 'orderOutcome', 'rectificationOutcome'],
    ]);
  });

  it('refuses a mapping line that is not source=target, naming the line, and keeps the mappings before; a cleared called process is flagged', async () => {
    opened = await openModeler('sharing-application.bpmn');
    await opened.select('rectify');
    const before = field(opened.panel, '传入变量（本流程 → 子流程）').value;
    await type(field(opened.panel, '传入变量（本流程 → 子流程）') as HTMLTextAreaElement, 'applicationId=subjectCaseId\ndepartment');
    expect(opened.panel.querySelector('[data-entry-id="sf-mappingsIn"] .bio-properties-panel-error')?.textContent).toContain('第 2 行');
    await type(field(opened.panel, '被调用流程') as HTMLInputElement, '');
    expect(opened.panel.querySelector('[data-entry-id="sf-calledElement"] .bio-properties-panel-error')?.textContent).toContain('必填');
    const rectify = (await exported()).rectify;
    expect(rectify.calledElement).toBeUndefined();
    expect(rectify.extensionElements.values.filter((value: any) => value.$type === 'sf:In').map((value: any) => `${value.source}=${value.target}`).join('\n')).toBe(before);
  });

  it('edits and checks the condition of a flow out of a gateway, and its default flag', async () => {
    opened = await openModeler('sharing-application.bpmn');
    await opened.select('toGrantDirectly');
    const condition = field(opened.panel, '条件') as HTMLTextAreaElement;
    expect(condition.value).toBe("${shareType == 'unconditional'}");
    await type(condition, "${shareType == 'unconditional'");
    expect(opened.panel.querySelector('[data-entry-id="sf-condition"] .bio-properties-panel-error')?.textContent).toContain('右花括号');
    await type(condition, "${shareType == 'none'}");
    expect((await exported()).toGrantDirectly.conditionExpression.body).toBe("${shareType == 'none'}");

    await opened.select('toReview');
    const isDefault = field(opened.panel, '默认流') as HTMLInputElement;
    expect(isDefault.checked).toBe(true);
  });

  it('shows nothing of ShareFlow on a start event', async () => {
    opened = await openModeler('sharing-application.bpmn');
    await opened.select('submitted');
    expect(groupTitles(opened.panel)).not.toContain('期限');
    expect(groupTitles(opened.panel)).toContain('常规');
  });

  it('speaks English when the locale is English', async () => {
    opened = await openModeler('sharing-application.bpmn', 'en');
    await opened.select('review');
    expect(groupTitles(opened.panel)).toEqual(expect.arrayContaining(['General', 'Assignment', 'Deadline']));
    expect(field(opened.panel, 'Days allowed').value).toBe('sharing.answerDays');
  });

  it('offers the user tasks with a deadline to a deadline extension', async () => {
    opened = await openModeler('catalog-change.bpmn');
    await opened.select('extendSubmission');
    const target = field(opened.panel, '延长期限的任务') as HTMLSelectElement;
    expect(target.value).toBe('submit');
    expect(field(opened.panel, '延长天数').value).toBe('catalog.extensionDays');
  });
});
