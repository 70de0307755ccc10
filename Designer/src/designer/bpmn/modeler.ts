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

/** The modeler with the standard BPMN panel, the ShareFlow groups and the locale's labels. */
export function createModeler(options: ModelerOptions): Modeler {
  return new Modeler({
    container: options.canvas,
    propertiesPanel: { parent: options.panel },
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
