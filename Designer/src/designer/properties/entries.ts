import { h } from '@bpmn-io/properties-panel/preact';
import { useEffect, useRef } from '@bpmn-io/properties-panel/preact/hooks';
import { CheckboxEntry, SelectEntry, TextAreaEntry, TextFieldEntry } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';

/**
 * Generic entries of the ShareFlow groups. An entry object carries its label, getter, setter and check; the
 * properties panel renders `component` with the entry's fields as props.
 */
export interface Suggestion {
  value: string;
  label?: string;
}

export interface EntryProps {
  element: unknown;
  id: string;
  label: string;
  description?: string | ((value: string | undefined) => string | undefined);
  getValue: (element: unknown) => string | undefined;
  setValue: (value: string | undefined) => void;
  validate?: (value: string | undefined) => string | null | undefined;
  suggestions?: Suggestion[];
  placeholder?: string;
}

function describe(props: EntryProps): string | undefined {
  return typeof props.description === 'function' ? props.description(props.getValue(props.element)) : props.description;
}

/** A text field; with `suggestions`, the browser offers them as the user types (a datalist). */
export function TextEntry(props: EntryProps) {
  const debounce = useService('debounceInput');
  const wrapper = useRef<HTMLDivElement>(null);
  const listId = `sf-suggestions-${props.id}`;
  useEffect(() => {
    const input = wrapper.current?.querySelector('input');
    if (input && props.suggestions?.length) input.setAttribute('list', listId);
  });
  return h('div', { ref: wrapper }, [
    h(TextFieldEntry, {
      element: props.element,
      id: props.id,
      label: props.label,
      description: describe(props),
      getValue: () => props.getValue(props.element) ?? '',
      setValue: (value: string | undefined) => props.setValue(value),
      validate: props.validate,
      placeholder: props.placeholder,
      debounce,
    }),
    props.suggestions?.length
      ? h('datalist', { id: listId }, props.suggestions.map((suggestion) => h('option', { value: suggestion.value, label: suggestion.label })))
      : null,
  ]);
}

export function TextAreaFieldEntry(props: EntryProps) {
  const debounce = useService('debounceInput');
  return h(TextAreaEntry, {
    element: props.element,
    id: props.id,
    label: props.label,
    description: describe(props),
    getValue: () => props.getValue(props.element) ?? '',
    setValue: (value: string | undefined) => props.setValue(value),
    validate: props.validate,
    monospace: true,
    rows: 2,
    debounce,
  });
}

export interface SelectProps extends EntryProps {
  getOptions: () => { value: string; label: string }[];
}

export function SelectFieldEntry(props: SelectProps) {
  return h(SelectEntry, {
    element: props.element,
    id: props.id,
    label: props.label,
    description: describe(props),
    getValue: () => props.getValue(props.element) ?? '',
    setValue: (value: string) => props.setValue(value === '' ? undefined : value),
    getOptions: props.getOptions,
    validate: props.validate,
  });
}

export interface CheckProps {
  element: unknown;
  id: string;
  label: string;
  description?: string;
  getValue: () => boolean;
  setValue: (value: boolean) => void;
}

export function CheckFieldEntry(props: CheckProps) {
  return h(CheckboxEntry, {
    element: props.element,
    id: props.id,
    label: props.label,
    description: props.description,
    getValue: props.getValue,
    setValue: props.setValue,
  });
}
