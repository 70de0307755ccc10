import { reactive, watch, type Ref } from 'vue';
import { useFieldErrors } from '../../api/forms';

/**
 * A dialog's form: each time the dialog opens the old errors go and `reset` fills the form; `save` runs the request,
 * shows its errors beside the fields, and on success hands over what the server answered and closes the dialog.
 */
export function useDialogSave<T>(open: Ref<boolean>, reset: () => void, saved: (value: T) => void) {
  const errors = useFieldErrors();
  const busy = reactive({ saving: false });

  watch(
    open,
    (value) => {
      if (!value) return;
      errors.clear();
      reset();
    },
    { immediate: true },
  );

  async function save(request: () => Promise<T>) {
    busy.saving = true;
    let result: T | null = null;
    const ok = await errors.submit(async () => {
      result = await request();
    });
    busy.saving = false;
    if (ok && result) {
      saved(result);
      open.value = false;
    }
  }

  return { errors, busy, save };
}
