import { Button, Group, Paper, Select, SimpleGrid, TextInput } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { leadReportParamsSchema, type LeadReportType } from '../../../../../shared/lead-report';
import { kindForType, reportTypeLabel } from '../shared/labels';
import { localDate } from '../shared/format-report';
import { useTemplates } from '../templates/use-templates';
import { GymFields } from '../shared/GymFields';
import { useKnownGyms } from '../use-known-gyms';
import type { ReportRequest } from './use-lead-report';

const BUILTIN = 'builtin';

interface Draft {
  type: LeadReportType;
  date: string;
  start: string;
  end: string;
  gymId: string;
  branchId: string;
  template: string;
}

type Errors = Partial<Record<'gymId' | 'date' | 'start' | 'end' | 'branchId', string>>;

const typeData = (['daily', 'weekly', 'custom'] as const).map((value) => ({
  value,
  label: reportTypeLabel[value],
}));

/** The draft as the contract's params; the contract's own schema says what is missing. */
function toRequest(d: Draft): { request: ReportRequest | null; errors: Errors } {
  const params = {
    type: d.type,
    gymId: d.gymId.trim(),
    branchId: d.branchId.trim() || null,
    ...(d.type === 'custom' ? { start: d.start, end: d.end } : { date: d.date }),
  };
  const errors: Errors = {};
  if (!params.gymId) errors.gymId = 'Enter the gym id (a UUID from the team database).';
  if (d.type !== 'custom' && !d.date) errors.date = 'Pick a day.';
  if (d.type === 'custom') {
    if (!d.start) errors.start = 'Pick the first day.';
    if (!d.end) errors.end = 'Pick the last day.';
    if (d.start && d.end && d.start > d.end) errors.end = 'The last day is before the first.';
  }
  const parsed = leadReportParamsSchema.safeParse(params);
  if (!parsed.success && Object.keys(errors).length === 0) {
    const issue = parsed.error.issues[0];
    const field = issue?.path[0];
    const key = field === 'branchId' || field === 'gymId' ? field : 'date';
    errors[key] = issue?.message ?? 'Check the fields.';
  }
  if (Object.keys(errors).length) return { request: null, errors };
  return {
    request: { params, templateId: d.template === BUILTIN ? null : Number(d.template) },
    errors,
  };
}

/** What to report on: type, day(s), gym, branch, layout. Enter in any field generates. */
export function ReportParamsForm({
  onGenerate,
  busy,
}: {
  onGenerate: (request: ReportRequest) => void;
  busy: boolean;
}) {
  const [draft, setDraft] = useState<Draft>(() => ({
    type: 'daily',
    date: localDate(1),
    start: localDate(7),
    end: localDate(1),
    gymId: '',
    branchId: '',
    template: BUILTIN,
  }));
  const [errors, setErrors] = useState<Errors>({});
  const known = useKnownGyms();
  const templates = useTemplates();
  const kind = kindForType(draft.type);
  const templateData = [
    { value: BUILTIN, label: `Built-in ${draft.type === 'daily' ? 'daily' : 'weekly'} layout` },
    ...(templates.data?.items ?? [])
      .filter((t) => !t.builtin && t.kind === kind)
      .map((t) => ({ value: String(t.id), label: t.name })),
  ];

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key]: undefined }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { request, errors: found } = toRequest(draft);
    setErrors(found);
    if (!request) return;
    known.remember(request.params.gymId, request.params.branchId ?? null);
    onGenerate(request);
  };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label="Report to generate">
      <form onSubmit={submit} noValidate aria-label="Generate a report">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" verticalSpacing="sm">
          <Select
            label="Report type"
            data={typeData}
            value={draft.type}
            onChange={(value) => {
              set('type', (value ?? 'daily') as LeadReportType);
              set('template', BUILTIN);
            }}
            allowDeselect={false}
          />
          {draft.type === 'custom' ? (
            <Group grow gap="sm" align="flex-start">
              <TextInput
                type="date"
                label="From"
                value={draft.start}
                onChange={(e) => set('start', e.currentTarget.value)}
                error={errors.start}
              />
              <TextInput
                type="date"
                label="To"
                value={draft.end}
                onChange={(e) => set('end', e.currentTarget.value)}
                error={errors.end}
              />
            </Group>
          ) : (
            <TextInput
              type="date"
              label={draft.type === 'daily' ? 'Day' : 'Week ending on'}
              description={
                draft.type === 'weekly' ? 'The seven days up to and including it.' : undefined
              }
              value={draft.date}
              onChange={(e) => set('date', e.currentTarget.value)}
              error={errors.date}
            />
          )}
          <Select
            label="Template"
            data={templateData}
            value={draft.template}
            onChange={(value) => set('template', value ?? BUILTIN)}
            allowDeselect={false}
          />
          <GymFields
            known={known}
            gymId={draft.gymId}
            branchId={draft.branchId}
            onGym={(value) => set('gymId', value)}
            onBranch={(value) => set('branchId', value)}
            errors={errors}
          />
          <Group align="flex-end">
            <Button
              type="submit"
              loading={busy}
              leftSection={<IconPlayerPlay size={16} aria-hidden />}
            >
              Generate
            </Button>
          </Group>
        </SimpleGrid>
      </form>
    </Paper>
  );
}
