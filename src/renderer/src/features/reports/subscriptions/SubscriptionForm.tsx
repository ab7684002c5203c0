import {
  Alert,
  Autocomplete,
  Input,
  Button,
  Checkbox,
  Group,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { weekdays, type DeliveryMethod, type Weekday } from '../../../../../shared/deliveries';
import { methodLabel, recipientHelp, weekdayLabel } from '../shared/labels';
import { useTemplates } from '../templates/use-templates';
import { GymFields } from '../shared/GymFields';
import { useKnownGyms } from '../use-known-gyms';
import {
  inputOf,
  validateDraft,
  type DraftErrors,
  type SubscriptionDraft,
} from './subscription-draft';
import { useSaveSubscription } from './use-subscriptions';

const BUILTIN = 'builtin';
const timeZones = Intl.supportedValuesOf('timeZone');
const methods = (['email', 'slack', 'webhook'] as const).map((value) => ({
  value,
  label: methodLabel[value],
}));

/** Create or edit a subscription; checked here with the contract's rules, then by core. */
export function SubscriptionForm({
  opened,
  initial,
  onClose,
}: {
  opened: boolean;
  initial: SubscriptionDraft;
  onClose: () => void;
}) {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<DraftErrors>({});
  const save = useSaveSubscription();
  const templates = useTemplates();
  const known = useKnownGyms();
  const kind = draft.reportType === 'daily' ? 'leads_daily' : 'leads_weekly';
  const templateData = [
    { value: BUILTIN, label: `Built-in ${draft.reportType} layout` },
    ...(templates.data?.items ?? [])
      .filter((t) => !t.builtin && t.kind === kind)
      .map((t) => ({ value: String(t.id), label: t.name })),
  ];
  const help = recipientHelp[draft.deliveryMethod];

  const set = <K extends keyof SubscriptionDraft>(key: K, value: SubscriptionDraft[K]) => {
    save.reset();
    setDraft((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key]: undefined }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateDraft(draft);
    setErrors(found);
    if (Object.keys(found).length) return;
    save.mutate(inputOf(draft), {
      onSuccess: (saved) => {
        known.remember(saved.gymId, saved.branchId);
        onClose();
      },
    });
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="xl"
      title={<Text fw={650}>{draft.id ? 'Edit subscription' : 'New subscription'}</Text>}
      closeButtonProps={{ 'aria-label': 'Cancel' }}
    >
      <form onSubmit={submit} noValidate aria-label="Subscription">
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
            <GymFields
              known={known}
              gymId={draft.gymId}
              branchId={draft.branchId}
              onGym={(v) => set('gymId', v)}
              onBranch={(v) => set('branchId', v)}
              errors={errors}
              autoFocus
            />
            <Select
              label="Report"
              data={[
                { value: 'daily', label: 'Daily (yesterday)' },
                { value: 'weekly', label: 'Weekly (the last seven days)' },
              ]}
              value={draft.reportType}
              onChange={(v) => {
                set('reportType', v === 'weekly' ? 'weekly' : 'daily');
                set('templateId', null);
              }}
              allowDeselect={false}
            />
            <Select
              label="Template"
              data={templateData}
              value={draft.templateId === null ? BUILTIN : String(draft.templateId)}
              onChange={(v) => set('templateId', !v || v === BUILTIN ? null : Number(v))}
              allowDeselect={false}
              error={errors.templateId}
            />
            <TextInput
              type="time"
              label="Delivery time"
              value={draft.deliveryTime}
              onChange={(e) => set('deliveryTime', e.currentTarget.value)}
              error={errors.deliveryTime}
            />
            <Autocomplete
              label="Time zone"
              description="The delivery time and the report's days are in it."
              data={timeZones}
              limit={30}
              value={draft.timezone}
              onChange={(v) => set('timezone', v)}
              error={errors.timezone}
            />
          </SimpleGrid>
          <Checkbox.Group
            label="Delivery days"
            description={
              draft.reportType === 'weekly'
                ? 'The days the weekly report goes out (at least one).'
                : 'None picked: every day.'
            }
            value={draft.deliveryDays}
            onChange={(v) => set('deliveryDays', v as Weekday[])}
            error={errors.deliveryDays}
          >
            <Group gap="md" mt={6}>
              {weekdays.map((day) => (
                <Checkbox key={day} value={day} label={weekdayLabel[day]} />
              ))}
            </Group>
          </Checkbox.Group>
          <Stack gap={4}>
            <Input.Label component="div" id="sub-method-label">
              Delivery method
            </Input.Label>
            <SegmentedControl
              aria-labelledby="sub-method-label"
              data={methods}
              value={draft.deliveryMethod}
              onChange={(v) => set('deliveryMethod', v as DeliveryMethod)}
              style={{ alignSelf: 'flex-start' }}
            />
          </Stack>
          <TagsInput
            label={help.label}
            description={help.hint}
            placeholder={draft.recipients.length ? undefined : help.placeholder}
            value={draft.recipients}
            onChange={(v) => set('recipients', v)}
            splitChars={[',', ' ', ';']}
            error={errors.recipients}
            acceptValueOnBlur
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label="Owner"
              description="Told by mail when a delivery fails for good (an email address)."
              placeholder="you@example.com"
              value={draft.createdBy}
              onChange={(e) => set('createdBy', e.currentTarget.value)}
              error={errors.createdBy}
            />
            <Stack gap="xs" justify="center">
              <Switch
                label="Active"
                checked={draft.active}
                onChange={(e) => set('active', e.currentTarget.checked)}
              />
              <Switch
                label="Skip when there is nothing to report"
                checked={draft.skipWhenEmpty}
                onChange={(e) => set('skipWhenEmpty', e.currentTarget.checked)}
              />
            </Stack>
          </SimpleGrid>
          {save.error && (
            <Alert
              color="red"
              variant="light"
              icon={<IconAlertTriangle aria-hidden />}
              role="alert"
              title="Not saved"
              data-testid="subscription-error"
              styles={{ message: { whiteSpace: 'pre-wrap' } }}
            >
              {save.error.message}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {draft.id ? 'Save subscription' : 'Create subscription'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
