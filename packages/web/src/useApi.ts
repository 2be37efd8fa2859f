/**
 * Loads an API resource for a page: `{data, error, loading, reload}`. A new path aborts the previous request,
 * so a quick click through pages never shows an older answer.
 */
import { useCallback, useEffect, useState } from 'react';
import { ApiError, api } from './api.js';

export interface Resource<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

export function useApi<T>(path: string | undefined, query?: Record<string, string | number | undefined>) {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({ loading: true });
  const [generation, setGeneration] = useState(0);
  const key = path === undefined ? undefined : `${path}?${JSON.stringify(query ?? {})}`;
  // `key` stands for path and query (a new object each render); `generation` asks for a reload.
  useEffect(() => {
    if (path === undefined) return;
    const controller = new AbortController();
    setState((s) => ({ data: s.data, loading: true }));
    api<T>(path, { query, signal: controller.signal }).then(
      (data) => setState({ data, loading: false }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({
          loading: false,
          error: error instanceof ApiError ? error : new ApiError(0, 'NETWORK', String(error)),
        });
      },
    );
    return () => controller.abort();
  }, [key, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload } as Resource<T>;
}
