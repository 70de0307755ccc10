import type { useFieldErrors } from '../api/forms';

/**
 * The message to show above a form: the server's summary only when no field carries a message, since
 * its detail repeats what the fields already say.
 */
export function formLevelError(errors: ReturnType<typeof useFieldErrors>): string {
  return Object.keys(errors.state.fields).length > 0 ? '' : errors.state.general;
}
