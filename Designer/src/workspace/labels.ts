import { useI18n } from 'vue-i18n';
import { formatInstant } from '../shell/format';
import { departmentName, ensureDepartments } from './reference';
import { statusKey } from './processes';

/** Names for the codes the Host sends: processes, statuses, departments, actions, outcomes, history entries. */
export function useLabels() {
  const { t, te, locale } = useI18n();
  void ensureDepartments().catch(() => undefined);

  const known = (key: string, fallback: string) => (te(key) ? t(key) : fallback);

  return {
    process: (key: string | null | undefined) => (key ? known(`workspace.process.${key}`, key) : ''),
    status(process: string | null | undefined, status: string | null | undefined): string {
      if (!status) return '';
      const key = statusKey(status);
      if (process && te(`workspace.status.${process}.${key}`)) return t(`workspace.status.${process}.${key}`);
      return known(`workspace.status.common.${key}`, status);
    },
    department: (code: string | null | undefined) => departmentName(code),
    action: (action: string | null | undefined) => (action ? known(`workspace.action.${action}`, action) : ''),
    outcome: (outcome: string | null | undefined) => (outcome ? known(`workspace.outcome.${outcome}`, outcome) : ''),
    historyKind: (kind: string) => known(`workspace.history.${kind}`, kind),
    role: (role: string | null | undefined) => (role ? known(`workspace.role.${role}`, role) : ''),
    instant: (value: string | null | undefined) => formatInstant(value, locale.value),
  };
}
