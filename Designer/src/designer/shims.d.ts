// Libraries of the designer that ship without type declarations.
declare module 'bpmn-moddle' {
  export const BpmnModdle: new (extensions?: Record<string, unknown>) => any;
}
declare module 'bpmn-auto-layout' {
  export function layoutProcess(xml: string): Promise<string>;
}
declare module 'bpmn-js-properties-panel' {
  export const BpmnPropertiesPanelModule: any;
  export const BpmnPropertiesProviderModule: any;
  export function useService(name: string, strict?: boolean): any;
}
declare module '@bpmn-io/properties-panel' {
  export const TextFieldEntry: any;
  export const TextAreaEntry: any;
  export const SelectEntry: any;
  export const CheckboxEntry: any;
  export const ListGroup: any;
  export const Group: any;
  export function isTextFieldEntryEdited(node: unknown): boolean;
  export function isTextAreaEntryEdited(node: unknown): boolean;
  export function isSelectEntryEdited(node: unknown): boolean;
  export function isCheckboxEntryEdited(node: unknown): boolean;
  export function useError(id: string): string | undefined;
  export function useShowEntryEvent(id: string): any;
}
