import { reactive } from 'vue';
import { definitionsApi, profilesApi, type Activity, type DefinitionVersion, type PolicyProfile } from './api';

/**
 * What the panel offers as choices: the registered activities, the policy profiles' day parameters and the published
 * processes a call activity may call. Loaded once per page visit; a failure leaves them empty (the panel then takes
 * free text).
 */
export const reference = reactive({
  activities: null as Activity[] | null,
  profiles: [] as PolicyProfile[],
  processes: [] as DefinitionVersion[],
});

export async function loadReference(): Promise<void> {
  const [activities, profiles, processes] = await Promise.allSettled([definitionsApi.activities(), profilesApi.list(), definitionsApi.list()]);
  reference.activities = activities.status === 'fulfilled' && Array.isArray(activities.value) ? activities.value : null;
  reference.profiles = profiles.status === 'fulfilled' && Array.isArray(profiles.value) ? profiles.value : [];
  reference.processes = processes.status === 'fulfilled' && Array.isArray(processes.value) ? processes.value : [];
}

/** Every day parameter of any profile, with its value in the active profile. */
export function dayParameters(profiles: PolicyProfile[] = reference.profiles): { name: string; days?: number }[] {
  const active = profiles.find((profile) => profile.active) ?? profiles[0];
  const names = new Set<string>();
  profiles.forEach((profile) => Object.keys(profile.days ?? {}).forEach((name) => names.add(name)));
  return [...names].sort().map((name) => ({ name, days: active?.days?.[name] }));
}
