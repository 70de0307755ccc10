import { createI18n } from 'vue-i18n';
import { installSvgShims } from './svg';
import { shippedXml } from './files';
import { messages } from '../../../src/i18n';
import { createModeler } from '../../../src/designer/bpmn/modeler';
import { withDiagram } from '../../../src/designer/bpmn/layout';
import type { Activity } from '../../../src/designer/api';

installSvgShims();


export const activities: Activity[] = [
  { name: 'notice', description: '发送通知', inputs: [{ name: 'kind', required: true }, { name: 'subject', required: true }, { name: 'body', required: false }] },
  { name: 'sharing.register', description: '登记申请', inputs: [] },
];

/** A modeler with the properties panel in jsdom, the given file opened, in the given locale. */
export async function openModeler(file: string, locale: 'zh-CN' | 'en' = 'zh-CN') {
  const i18n = createI18n({ legacy: false, locale, messages });
  const canvas = document.createElement('div');
  const panel = document.createElement('div');
  document.body.append(canvas, panel);
  const modeler = createModeler({
    // Label links measure SVG paths, which jsdom does not lay out.
    additionalModules: [{ labelLink: ['value', {}] }],
    canvas,
    panel,
    locale,
    shareflow: {
      t: (key, params) => i18n.global.t(key, params ?? {}),
      parameters: () => [{ name: 'sharing.answerDays', days: 15 }, { name: 'rectification.days', days: 10 }],
      activities: () => activities,
      processes: () => [{ key: 'rectificationOrder', name: '限期整改' }, { key: 'sharingDispute', name: '共享争议协调' }],
      departments: () => [{ code: 'psb', name: '市公安局' }, { code: 'dsj', name: '市大数据局' }],
    },
  });
  const { xml } = await withDiagram(shippedXml(file));
  const { warnings } = await modeler.importXML(xml);
  if (warnings.length) throw new Error(warnings.map((warning: any) => warning.message).join('\n'));
  const get = <T = any>(name: string) => modeler.get(name) as T;
  const element = (id: string) => get('elementRegistry').get(id);
  // The panel subscribes to selection changes in an effect, which Preact runs after the next frame.
  await settle();
  async function select(id: string) {
    get('selection').select(element(id));
    await settle();
  }
  function cleanup() {
    modeler.destroy();
    canvas.remove();
    panel.remove();
  }
  return { modeler, canvas, panel, get, element, select, cleanup };
}

export const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
/** Lets Preact render and run its effects (after the next animation frame). */
export async function settle() {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 5));
}

/** The input or select the panel labels with `text`. */
export function field(panel: HTMLElement, text: string): HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement {
  const label = Array.from(panel.querySelectorAll('label')).find((candidate) => candidate.textContent?.trim() === text);
  if (!label) throw new Error(`No field labelled ${text}; labels: ${Array.from(panel.querySelectorAll('label')).map((l) => l.textContent).join(', ')}`);
  const target = panel.querySelector(`#${CSS.escape(label.getAttribute('for')!)}`);
  if (!target) throw new Error(`The label ${text} points at nothing`);
  return target as any;
}

export function groupTitles(panel: HTMLElement): string[] {
  return Array.from(panel.querySelectorAll('.bio-properties-panel-group-header-title')).map((title) => title.textContent?.trim() ?? '');
}

/** Types into a field and leaves it, as a user would (leaving commits at once, without the panel's debounce). */
export async function type(input: HTMLInputElement | HTMLTextAreaElement, value: string) {
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new FocusEvent('blur'));
  input.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
  await settle();
}

export async function choose(select: HTMLSelectElement, value: string) {
  if (!Array.from(select.options).some((option) => option.value === value)) throw new Error(`No option ${value}`);
  select.value = value;
  // Preact's compat layer listens to `input` for a select's onChange.
  select.dispatchEvent(new Event('input', { bubbles: true }));
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await settle();
}
