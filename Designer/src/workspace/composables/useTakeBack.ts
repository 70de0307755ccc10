import { useI18n } from 'vue-i18n';
import { ElMessage, ElMessageBox } from 'element-plus';
import { ApiError } from '../../api/http';
import { tasksApi } from '../api';

/**
 * 收回: the owner takes a delegated task back, giving a reason in a prompt. Answers whether the task came back
 * (false when the prompt was cancelled or the server refused, which is then shown).
 */
export function useTakeBack() {
  const { t } = useI18n();

  return async function takeBack(taskId: string): Promise<boolean> {
    let reason = '';
    try {
      const answer = await ElMessageBox.prompt(t('workspace.ops.takeBackPrompt'), t('workspace.ops.takeBack'), {
        confirmButtonText: t('common.confirm'),
        cancelButtonText: t('common.cancel'),
        inputPlaceholder: t('workspace.ops.reason'),
      });
      reason = answer.value ?? '';
    } catch {
      return false;
    }
    try {
      await tasksApi.takeBack(taskId, reason);
      ElMessage.success(t('common.done'));
      return true;
    } catch (error) {
      ElMessage.error(error instanceof ApiError ? error.summary : String(error));
      return false;
    }
  };
}
