import { Grid, Skeleton } from '@mantine/core';
import { IconTemplate } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { ActionErrorAlert } from '../../../components/ActionErrorAlert';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ConfirmDialog } from '../shared/ConfirmDialog';
import { EmptyState } from '../shared/EmptyState';
import { STARTER_TEMPLATE } from './starter-template';
import { TemplateEditor, type TemplateDraft } from './TemplateEditor';
import { TemplateList } from './TemplateList';
import { useDeleteTemplate, useTemplate, useTemplates } from './use-templates';

type Selection = { id: number } | { draft: TemplateDraft; seq: number } | null;

/** Templates on the left; the one picked (or a new one) in the editor on the right. */
export function TemplatesTab() {
  const templates = useTemplates();
  const [selection, setSelection] = useState<Selection>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  // The editor is re-created with the stored version after a save; it says "Saved" once.
  const [justSaved, setJustSaved] = useState<number | null>(null);
  const saved = (next: number) => {
    setSelection({ id: next });
    setJustSaved(next);
  };
  const remove = useDeleteTemplate();
  const firstId = templates.data?.items[0]?.id ?? null;
  // Until one is picked, the first (the built-in daily layout) is shown.
  const id = selection && 'id' in selection ? selection.id : selection ? null : firstId;
  const template = useTemplate(id);
  const drafts = useRef(0);
  const startNew = (draft: TemplateDraft) => setSelection({ draft, seq: ++drafts.current });

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 3 }}>
        <TemplateList
          items={templates.data?.items}
          loading={templates.isPending}
          selected={selection && 'draft' in selection ? 'new' : id}
          onSelect={(next) => {
            setJustSaved(null);
            setSelection({ id: next });
          }}
          onNew={() =>
            startNew({ name: 'New template', kind: 'leads_daily', body: STARTER_TEMPLATE })
          }
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 9 }}>
        {templates.error && (
          <ErrorAlert error={templates.error} onRetry={() => void templates.refetch()} />
        )}
        {remove.error && (
          <ActionErrorAlert
            title="The template was not deleted"
            error={remove.error}
            advice={{
              conflict:
                'A subscription still uses it: point that subscription at another template first.',
            }}
            onDismiss={remove.reset}
          />
        )}
        {selection && 'draft' in selection ? (
          <TemplateEditor
            key={`new-${selection.seq}`}
            initial={selection.draft}
            builtin={false}
            onSaved={saved}
            onDuplicate={startNew}
          />
        ) : template.data ? (
          <TemplateEditor
            key={`${template.data.id}-${template.data.updatedAt}`}
            initial={{
              id: template.data.id,
              name: template.data.name,
              kind: template.data.kind,
              body: template.data.body,
            }}
            builtin={template.data.builtin}
            justSaved={justSaved === template.data.id}
            onSaved={saved}
            onDuplicate={startNew}
            onDelete={() => {
              remove.reset();
              setConfirmDelete(true);
            }}
          />
        ) : id !== null || templates.isPending ? (
          <Skeleton h={600} />
        ) : (
          <EmptyState icon={IconTemplate} title="No template selected">
            Pick a template on the left, or create a new one.
          </EmptyState>
        )}
        <ConfirmDialog
          opened={confirmDelete}
          title="Delete this template?"
          confirmLabel="Delete template"
          busy={remove.isPending}
          onClose={() => setConfirmDelete(false)}
          onConfirm={() =>
            id !== null &&
            remove.mutate(id, {
              onSettled: () => setConfirmDelete(false),
              onSuccess: () => setSelection(null),
            })
          }
        >
          “{template.data?.name}” is removed for good. A template that a subscription uses cannot be
          deleted until the subscription uses another one.
        </ConfirmDialog>
      </Grid.Col>
    </Grid>
  );
}
