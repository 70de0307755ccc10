import { afterEach, describe, expect, it } from 'vitest';
import { createTranslate } from '../../src/designer/bpmn/translate';
import { openModeler } from './support/modeler';

let opened: Awaited<ReturnType<typeof openModeler>> | undefined;
afterEach(() => {
  opened?.cleanup();
  opened = undefined;
});

describe('the translate module', () => {
  it('translates and fills placeholders in Chinese, and keeps English as it is', () => {
    const zh = createTranslate('zh-CN');
    expect(zh('Create task')).toBe('创建任务');
    expect(zh('Open {element}', { element: '子流程' })).toBe('打开 子流程');
    expect(zh('Timer Boundary Event (Non Interrupting)')).toBe('定时边界事件（非中断）');
    expect(zh('Something new')).toBe('Something new');
    expect(createTranslate('en')('Open {element}', { element: 'x' })).toBe('Open x');
  });

  it('shows the palette and the context pad in Chinese', async () => {
    opened = await openModeler('sharing-application.bpmn');
    const titles = Array.from(opened.canvas.querySelectorAll('.djs-palette .entry')).map((entry) => entry.getAttribute('aria-label') ?? entry.getAttribute('title'));
    expect(titles).toEqual(expect.arrayContaining(['创建任务', '创建开始事件', '创建网关', '启用抓手工具']));
    await opened.select('review');
    const pad = Array.from(opened.canvas.querySelectorAll('.djs-context-pad .entry')).map((entry) => entry.getAttribute('aria-label') ?? entry.getAttribute('title'));
    expect(pad).toEqual(expect.arrayContaining(['追加任务', '删除', '更改元素类型']));
    expect(opened.panel.querySelector('.bio-properties-panel-header-type')?.textContent).toBe('用户任务');
  });

  it('shows them in English in the English locale', async () => {
    opened = await openModeler('sharing-application.bpmn', 'en');
    const titles = Array.from(opened.canvas.querySelectorAll('.djs-palette .entry')).map((entry) => entry.getAttribute('aria-label') ?? entry.getAttribute('title'));
    expect(titles).toContain('Create task');
  });
});
