import { onBeforeUnmount, ref, shallowRef, watch, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import type Modeler from 'bpmn-js/lib/Modeler';
import type NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { withDiagram } from './bpmn/layout';
import { createModeler, createViewer, fitDiagram } from './bpmn/modeler';
import { ensureDepartments, reference as organisation } from '../workspace/reference';
import { dayParameters, reference } from './reference';

export interface ElementChoice {
  id: string;
  name: string;
  type: string;
}

type Diagram = Modeler | NavigatedViewer;

/**
 * A bpmn-js modeler (with the properties panel) or a read-only viewer in a page. A document without a diagram is laid
 * out on opening. On a change of language the diagram is re-created in the new language with the same XML.
 */
export function useDiagram(canvas: Ref<HTMLElement | null>, panel: Ref<HTMLElement | null> | null) {
  const { t, locale } = useI18n();
  const diagram = shallowRef<Diagram | null>(null);
  const dirty = ref(false);
  const warnings = ref<string[]>([]);
  const elements = ref<ElementChoice[]>([]);
  const laidOut = ref(false);
  /** Called after every import (markers are lost with the old diagram). */
  let afterOpen: (() => void) | undefined;

  // The canvas changes size when the findings list opens or the window resizes; bpmn-js must be told.
  const resizes = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => diagram.value && get('canvas').resized());

  function create() {
    if (!canvas.value) throw new Error('The canvas is not mounted.');
    resizes?.observe(canvas.value);
    if (panel) {
      // Departments are offered as candidates by their codes; the panel works without them.
      void ensureDepartments().catch(() => undefined);
      diagram.value = createModeler({
        canvas: canvas.value,
        panel: panel.value!,
        locale: locale.value,
        shareflow: {
          t: (key, params) => t(key, params ?? {}),
          parameters: () => dayParameters(),
          activities: () => reference.activities,
          processes: () => reference.processes,
          departments: () => organisation.departments,
        },
      });
      diagram.value.on('commandStack.changed', () => {
        dirty.value = true;
        collect();
      });
    } else {
      diagram.value = createViewer(canvas.value, locale.value);
    }
  }

  function get<T = any>(name: string): T {
    return diagram.value!.get(name) as T;
  }

  function collect() {
    const registry = get('elementRegistry');
    elements.value = registry
      .filter((element: any) => element.type !== 'label' && element.businessObject?.id && element.parent)
      .map((element: any) => ({ id: element.id, name: element.businessObject.name ?? '', type: element.type }))
      .sort((a: ElementChoice, b: ElementChoice) => (a.name || a.id).localeCompare(b.name || b.id, 'zh-CN'));
  }

  async function open(xml: string, options: { dirty?: boolean } = {}) {
    if (!diagram.value) create();
    const prepared = await withDiagram(xml);
    laidOut.value = prepared.laidOut;
    const result = await diagram.value!.importXML(prepared.xml);
    warnings.value = result.warnings.map((warning: any) => warning.message);
    fitDiagram(get('canvas'), panel ? 70 : 0);
    dirty.value = options.dirty ?? false;
    collect();
    afterOpen?.();
  }

  async function xml(): Promise<string> {
    const { xml: text } = await diagram.value!.saveXML({ format: true });
    return text ?? '';
  }

  watch(locale, async () => {
    if (!diagram.value) return;
    const current = await xml();
    const wasDirty = dirty.value;
    diagram.value.destroy();
    diagram.value = null;
    create();
    await open(current, { dirty: wasDirty });
  });

  onBeforeUnmount(() => {
    resizes?.disconnect();
    diagram.value?.destroy();
    diagram.value = null;
  });

  return {
    diagram,
    dirty,
    warnings,
    elements,
    laidOut,
    get,
    open,
    xml,
    onOpened(callback: () => void) {
      afterOpen = callback;
    },
  };
}
