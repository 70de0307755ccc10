import { ref, type Ref } from 'vue';

/** The message a failed load shows above a list. */
export function loadErrorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs a list's load with a loading flag and an error message. `handleError` may take an error for itself (answer true),
 * e.g. a list that is not available to the user; any other error becomes `loadError`.
 */
export function useLoader(run: () => Promise<void>, handleError?: (error: unknown) => boolean) {
  const loading = ref(false);
  const loadError = ref('');

  async function load() {
    loading.value = true;
    loadError.value = '';
    try {
      await run();
    } catch (error) {
      if (!handleError?.(error)) loadError.value = loadErrorText(error);
    } finally {
      loading.value = false;
    }
  }

  return { loading, loadError, load };
}

/** A whole list loaded at once. */
export function useList<T>(fetch: () => Promise<T[]>) {
  const items = ref([]) as Ref<T[]>;
  const loader = useLoader(async () => {
    items.value = await fetch();
  });
  return { items, ...loader };
}

/** One page of a list: `page` and `pageSize` go to the server, which answers the page's items and the total. */
export function usePagedList<T, R extends { items: T[]; total: number } = { items: T[]; total: number }>(
  fetch: (page: number, pageSize: number) => Promise<R>,
  onResult?: (result: R) => void,
) {
  const items = ref([]) as Ref<T[]>;
  const total = ref(0);
  const page = ref(1);
  const pageSize = ref(20);
  const loader = useLoader(async () => {
    const result = await fetch(page.value, pageSize.value);
    items.value = result.items;
    total.value = result.total;
    onResult?.(result);
  });
  return { items, total, page, pageSize, ...loader };
}
