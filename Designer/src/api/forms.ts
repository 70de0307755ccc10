import { reactive } from 'vue';
import { ApiError } from './http';

/**
 * Field errors for one form: filled from a rejected request so each message shows beside the
 * field the server named (el-form-item's `error`), with anything unnamed in `general`.
 * The form's values are never touched, so nothing typed is lost on a failed submit.
 */
export function useFieldErrors() {
  const state = reactive({ fields: {} as Record<string, string>, general: '' });

  function clear() {
    state.fields = {};
    state.general = '';
  }

  /** Shows the error beside the fields it names, or as one message when it names none. */
  function show(error: unknown): void {
    clear();
    if (!(error instanceof ApiError)) {
      state.general = error instanceof Error ? error.message : String(error);
      return;
    }
    const named = error.errors;
    for (const [field, messages] of Object.entries(named)) {
      state.fields[field] = messages.join(' ');
    }
    // A message the server tied to a field shows beside that field only; the summary stands alone when nothing is named.
    if (Object.keys(named).length === 0) {
      state.general = error.summary;
    }
  }

  function of(field: string): string {
    return state.fields[field] ?? '';
  }

  /** Runs a submit, clearing old errors first and showing new ones. Returns whether it succeeded. */
  async function submit(action: () => Promise<unknown>): Promise<boolean> {
    clear();
    try {
      await action();
      return true;
    } catch (error) {
      show(error);
      return false;
    }
  }

  return { state, clear, show, of, submit };
}
