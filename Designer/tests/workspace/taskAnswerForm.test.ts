import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import TaskAnswerForm from '../../src/workspace/components/TaskAnswerForm.vue';
import { session } from '../../src/session';
import { fakeServer, global, polyfillResizeObserver, settle } from '../admin/helpers';

const refused = (errors: Record<string, string[]>) => ({
  status: 400,
  body: { title: 'The request breaks a rule.', status: 400, detail: Object.values(errors)[0][0], errors },
});

beforeEach(() => {
  polyfillResizeObserver();
  session.me = { userName: 'office', displayName: '协调员', department: 'dsj', departmentName: '市大数据局', roles: ['coordinating-office'] };
  session.loaded = true;
});
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

async function answer(processKey: string, elementId: string, choice: string, errors: Record<string, string[]>) {
  fakeServer({ 'POST /api/tasks/t1/complete': () => refused(errors) });
  const form = mount(TaskAnswerForm, { props: { taskId: 't1', processKey, elementId }, global, attachTo: document.body });
  await settle();
  const radio = form.findAll('label.el-radio').find((label) => label.text() === choice);
  if (!radio) throw new Error(`no choice ${choice}: ${form.findAll('label.el-radio').map((label) => label.text()).join(', ')}`);
  await radio.trigger('click');
  await settle();
  const submit = form.findAll('button').find((button) => button.classes('el-button--primary'));
  await submit!.trigger('click');
  await settle(10);
  return form;
}

describe('the answer to a task, refused by the server', () => {
  it('shows a message tied to a field the form shows beside that field, not above the form', async () => {
    const form = await answer('acceptanceSubmission', 'review', '审查不通过', { reasons: ['审查意见须说明理由'] });

    // Element Plus marks the form item in error; its message appears beneath it (a transition the test renders as a stub).
    expect(form.findAll('.el-form-item.is-error').map((item) => item.find('label').text())).toEqual(['理由']);
    expect(form.find('[role="alert"]').exists()).toBe(false);
    form.unmount();
  });

  it('shows a message tied to a field the form does not show above the form, so that it is never lost', async () => {
    const form = await answer('acceptanceSubmission', 'review', '审查不通过', { opinion: ['Choose passed or failed.'] });

    expect(form.find('[role="alert"]').text()).toBe('Choose passed or failed.');
    expect(form.findAll('.el-form-item.is-error')).toHaveLength(0);
    form.unmount();
  });
});

describe('the answer to a sharing application', () => {
  it('marks the written reasons required once the answer refuses, and the items and reasons for a partial answer', async () => {
    fakeServer({});
    const form = mount(TaskAnswerForm, {
      props: { taskId: 't1', processKey: 'sharingApplication', elementId: 'review', requestedItems: ['姓名', '公民身份号码'] },
      global,
      attachTo: document.body,
    });
    await settle();
    const requiredLabels = () => form.findAll('.el-form-item.is-required').map((item) => item.find('label').text());
    const choose = async (choice: string) => {
      await form.findAll('label.el-radio').find((label) => label.text() === choice)!.trigger('click');
      await settle();
    };

    await choose('同意');
    expect(requiredLabels()).toEqual(['审批结果']);
    await choose('不予同意');
    expect(requiredLabels()).toEqual(['审批结果', '理由']);
    await choose('部分同意');
    expect(requiredLabels()).toEqual(['审批结果', '同意共享的数据项', '理由']);
    form.unmount();
  });
});
