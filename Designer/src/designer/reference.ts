import { reactive } from 'vue';
import { definitionsApi, profilesApi, type Activity, type PolicyProfile } from './api';

/**
 * What the panel offers as choices: the registered activities and the policy profiles' day parameters. Loaded once
 * per page visit; a failure leaves them empty (the panel then takes free text).
 */
export const reference = reactive({
  activities: null as Activity[] | null,
  profiles: [] as PolicyProfile[],
});

export async function loadReference(): Promise<void> {
  const [activities, profiles] = await Promise.allSettled([definitionsApi.activities(), profilesApi.list()]);
  reference.activities = activities.status === 'fulfilled' && Array.isArray(activities.value) ? activities.value : null;
  reference.profiles = profiles.status === 'fulfilled' && Array.isArray(profiles.value) ? profiles.value : [];
}

/** Every day parameter of any profile, with its value in the active profile. */
export function dayParameters(profiles: PolicyProfile[] = reference.profiles): { name: string; days?: number }[] {
  const active = profiles.find((profile) => profile.active) ?? profiles[0];
  const names = new Set<string>();
  profiles.forEach((profile) => Object.keys(profile.days ?? {}).forEach((name) => names.add(name)));
  return [...names].sort().map((name) => ({ name, days: active?.days?.[name] }));
}
