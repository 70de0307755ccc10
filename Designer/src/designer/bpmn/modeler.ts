import Modeler from 'bpmn-js/lib/Modeler';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule } from 'bpmn-js-properties-panel';
import { ShareFlowPropertiesProviderModule, type ShareFlowPanelConfig } from '../properties/ShareFlowPropertiesProvider';
import { moddleExtensions } from './shareflowModdle';
import { translateModule } from './translate';

export interface ModelerOptions {
  canvas: HTMLElement;
  panel: HTMLElement;
  locale: string;
  shareflow: ShareFlowPanelConfig;
  additionalModules?: unknown[];
}

const openGroups = ['general', 'shareflow-assignment', 'shareflow-deadline', 'shareflow-timer', 'shareflow-activity', 'shareflow-extension', 'shareflow-condition'];

/** Shows the whole diagram, leaving `left` pixels free (for the palette) and a small margin around it. */
export function fitDiagram(canvas: any, left = 0) {
  const margin = 24;
  const { inner } = canvas.viewbox();
  const size = canvas.getSize();
  if (!inner.width || !inner.height || !size.width || !size.height) return;
  const room = { width: size.width - left - 2 * margin, height: size.height - 2 * margin };
  const scale = Math.min(room.width / inner.width, room.height / inner.height, 1.2);
  canvas.viewbox({
    x: inner.x - (left + margin + (room.width - inner.width * scale) / 2) / scale,
    y: inner.y - (margin + (room.height - inner.height * scale) / 2) / scale,
    width: size.width / scale,
    height: size.height / scale,
  });
}

/** The modeler with the standard BPMN panel, the ShareFlow groups and the locale's labels. */
export function createModeler(options: ModelerOptions): Modeler {
  return new Modeler({
    container: options.canvas,
    propertiesPanel: {
      parent: options.panel,
      // The ShareFlow groups are what a policy admin edits most: open them (and General) at once.
      layout: { groups: Object.fromEntries(openGroups.map((id) => [id, { open: true }])) },
    },
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      ShareFlowPropertiesProviderModule,
      translateModule(options.locale),
      ...(options.additionalModules ?? []),
    ],
    moddleExtensions,
    shareflow: options.shareflow,
  } as any);
}

/** A read-only viewer (zoom and pan) for an instance or an old version. */
export function createViewer(canvas: HTMLElement, locale: string): NavigatedViewer {
  return new NavigatedViewer({ container: canvas, additionalModules: [translateModule(locale)], moddleExtensions } as any);
}
