import {
  Alert,
  Badge,
  Button,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy, IconLock, IconTrash } from '@tabler/icons-react';
import { useRef, useState, type FormEvent } from 'react';
import type { LeadTemplateKind } from '../../../../../shared/report-templates';
import { lineOf } from '../shared/format-report';
import { templateKindLabel } from '../shared/labels';
import { selectLine } from './select-line';
import { TemplatePreviewPane } from './TemplatePreviewPane';
import { useSaveTemplate } from './use-templates';

export interface TemplateDraft {
  id?: number;
  name: string;
  kind: LeadTemplateKind;
  body: string;
}

const kindData = (['leads_daily', 'leads_weekly'] as const).map((value) => ({
  value,
  label: templateKindLabel[value],
}));

/**
 * A template's name, kind and Handlebars body, with a live preview beside it. Core validates
 * on save; a refusal is shown next to the editor with its line, the caret goes there, and
 * the text stays as typed. Built-ins are read-only: duplicate one to change it.
 */
export function TemplateEditor({
  initial,
  builtin,
  justSaved = false,
  onSaved,
  onDuplicate,
  onDelete,
}: {
  initial: TemplateDraft;
  builtin: boolean;
  /** Just stored (this editor was re-created with the saved version). */
  justSaved?: boolean;
  onSaved: (id: number) => void;
  onDuplicate: (draft: TemplateDraft) => void;
  onDelete?: () => void;
}) {
  const [draft, setDraft] = useState<TemplateDraft>(initial);
  const save = useSaveTemplate();
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const dirty = JSON.stringify(draft) !== JSON.stringify(initial);
  const goToLine = (line: number) => {
    if (bodyRef.current) selectLine(bodyRef.current, line);
  };
  const set = <K extends keyof TemplateDraft>(key: K, value: TemplateDraft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
  };

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (builtin) return;
    save.mutate(draft, {
      onSuccess: (saved) => onSaved(saved.id),
      onError: (error) => {
        const line = lineOf(error.message);
        if (line !== null) goToLine(line);
      },
    });
  };
  const errorLine = save.error ? lineOf(save.error.message) : null;

  return (
    <form onSubmit={submit} noValidate aria-label={builtin ? 'Built-in template' : 'Edit template'}>
      <Stack gap="md">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label="Name"
            value={draft.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            readOnly={builtin}
            required
            style={{ flex: '1 1 240px' }}
          />
          <Select
            label="Report type"
            data={kindData}
            value={draft.kind}
            onChange={(value) => set('kind', (value ?? 'leads_daily') as LeadTemplateKind)}
            readOnly={builtin}
            allowDeselect={false}
            w={140}
          />
          {builtin ? (
            <Badge
              size="lg"
              variant="outline"
              color="gray"
              leftSection={<IconLock size={12} aria-hidden />}
              mb={6}
            >
              Built-in, read-only
            </Badge>
          ) : (
            <Button
              type="submit"
              loading={save.isPending}
              disabled={!dirty && draft.id !== undefined}
            >
              Save
            </Button>
          )}
          <Button
            variant="default"
            leftSection={<IconCopy size={16} aria-hidden />}
            onClick={() =>
              onDuplicate({ name: `Copy of ${draft.name}`, kind: draft.kind, body: draft.body })
            }
          >
            Duplicate
          </Button>
          {onDelete && !builtin && (
            <Button
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={16} aria-hidden />}
              onClick={onDelete}
            >
              Delete
            </Button>
          )}
        </Group>
        {save.error && (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangle aria-hidden />}
            role="alert"
            title={errorLine !== null ? `Not saved: a problem on line ${errorLine}` : 'Not saved'}
            data-testid="template-save-error"
            data-line={errorLine ?? undefined}
            withCloseButton
            closeButtonLabel="Dismiss"
            onClose={save.reset}
          >
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {save.error.message}
            </Text>
            <Text size="sm" mt={4}>
              Your text is kept as typed. Fix the line and save again.
              {errorLine !== null && (
                <>
                  {' '}
                  <Text
                    component="button"
                    type="button"
                    size="sm"
                    fw={600}
                    td="underline"
                    onClick={() => goToLine(errorLine)}
                    style={{ background: 'none', border: 0, padding: 0, cursor: 'pointer' }}
                  >
                    Go to line {errorLine}
                  </Text>
                </>
              )}
            </Text>
          </Alert>
        )}
        {(save.isSuccess || justSaved) && !dirty && !save.error && (
          <Text size="sm" c="var(--mantine-color-teal-text)" role="status">
            <IconCheck size={14} aria-hidden style={{ verticalAlign: -2 }} /> Saved
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
          <Textarea
            ref={bodyRef}
            label="Template (Handlebars)"
            description={
              builtin
                ? 'The app’s own layout. Duplicate it to make a version of your own.'
                : 'Logic-less: {{field}}, {{#each}}, {{#if}}. Ctrl+S saves.'
            }
            value={draft.body}
            onChange={(e) => set('body', e.currentTarget.value)}
            onKeyDown={(e) => {
              if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
                e.preventDefault();
                submit();
              }
            }}
            readOnly={builtin}
            error={save.error ? ' ' : undefined}
            spellCheck={false}
            autosize
            minRows={24}
            maxRows={24}
            styles={{
              input: {
                fontFamily: 'var(--mantine-font-family-monospace)',
                fontSize: 13,
                lineHeight: 1.5,
                whiteSpace: 'pre',
                overflowX: 'auto',
              },
            }}
            data-testid="template-body"
          />
          <TemplatePreviewPane kind={draft.kind} body={draft.body} onGoToLine={goToLine} />
        </SimpleGrid>
      </Stack>
    </form>
  );
}
