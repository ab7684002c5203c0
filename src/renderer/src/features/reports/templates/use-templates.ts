import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Input } from '../../../../../shared/contract';
import type { LeadTemplateKind } from '../../../../../shared/report-templates';
import { call } from '../../../api/client';
import { keys } from '../../../api/keys';

export const PREVIEW_DEBOUNCE_MS = 400;

export function useTemplates() {
  return useQuery({ queryKey: keys.templates, queryFn: () => call('templates.list', {}) });
}

export function useTemplate(id: number | null) {
  return useQuery({
    queryKey: keys.template(id ?? 0),
    queryFn: () => call('templates.get', { id: id ?? 0 }),
    enabled: id !== null,
  });
}

/** Saving validates the body against sample reports; a refusal says `line N: reason`. */
export function useSaveTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Input<'templates.save'>) => call('templates.save', input),
    meta: { inlineError: true },
    onSuccess: (saved) => {
      client.setQueryData(keys.template(saved.id), saved);
      return client.invalidateQueries({ queryKey: keys.templates });
    },
  });
}

export function useDeleteTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => call('templates.delete', { id }),
    meta: { inlineError: true },
    onSuccess: () => client.invalidateQueries({ queryKey: keys.templates }),
  });
}

/** The editor's live preview: rendered against a sample report a moment after typing stops. */
export function useTemplatePreview(kind: LeadTemplateKind, body: string) {
  const [debounced] = useDebouncedValue(body, PREVIEW_DEBOUNCE_MS);
  const query = useQuery({
    queryKey: keys.templatePreview(kind, debounced),
    queryFn: () => call('templates.preview', { kind, body: debounced }),
    enabled: debounced.trim().length > 0,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
  return { ...query, stale: debounced !== body || query.isPlaceholderData };
}
