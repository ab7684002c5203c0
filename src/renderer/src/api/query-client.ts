import { MutationCache, QueryClient } from '@tanstack/react-query';
import type { ContractError } from './client';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ContractError;
    /** `inlineError`: the caller shows the error next to the form, so no global notification. */
    mutationMeta: { inlineError?: boolean };
  }
}

/**
 * One client for the app. Data lives in a local SQLite store on this machine, so queries are
 * cheap: a short staleness window, no retries on contract errors (they will not fix
 * themselves), and 'store.changed' events invalidate everything that may have moved.
 */
export function createQueryClient(onMutationError: (error: ContractError) => void): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 10_000, retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
    mutationCache: new MutationCache({
      onError: (error, _vars, _ctx, mutation) => {
        if (!mutation.meta?.inlineError) onMutationError(error);
      },
    }),
  });
}
