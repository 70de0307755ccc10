import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { useRouter } from 'vue-router';
import { ElMessage } from 'element-plus';
import { useFieldErrors } from '../../api/forms';
import { caseRoute, type ProcessKey } from '../processes';

/**
 * Submitting a form that opens a case: while busy the button spins; a rejected request shows its errors beside the
 * fields (the form keeps what was typed); an accepted one says so and opens the new case's page.
 */
export function useCaseSubmit(processKey: ProcessKey, create: () => Promise<{ id: string }>) {
  const { t } = useI18n();
  const router = useRouter();
  const errors = useFieldErrors();
  const busy = ref(false);

  async function submit() {
    busy.value = true;
    let id = '';
    const ok = await errors.submit(async () => {
      id = (await create()).id;
    });
    busy.value = false;
    if (ok) {
      ElMessage.success(t('workspace.submit.submitted'));
      await router.push(caseRoute(id, processKey));
    }
  }

  return { errors, busy, submit };
}
