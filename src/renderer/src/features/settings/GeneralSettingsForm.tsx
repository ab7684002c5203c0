import { Autocomplete, NumberInput, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { Settings, SettingsView } from '../../../../shared/contract';
import { useSetSettings } from '../../api/hooks';
import { formErrors } from './field-rules';
import { SaveBar } from './SaveBar';
import { SettingsSection } from './SettingsSection';
import { EnvLock, FieldDescription } from './SettingSource';

type GeneralKeys =
  | 'botName'
  | 'reportTimezone'
  | 'sourceTimezone'
  | 'inactivityMinutes'
  | 'monitorIntervalSeconds'
  | 'reportRecipients'
  | 'mailFrom';

type Draft = Pick<Settings, GeneralKeys>;

const pick = (s: Settings): Draft => ({
  botName: s.botName,
  reportTimezone: s.reportTimezone,
  sourceTimezone: s.sourceTimezone,
  inactivityMinutes: s.inactivityMinutes,
  monitorIntervalSeconds: s.monitorIntervalSeconds,
  reportRecipients: s.reportRecipients,
  mailFrom: s.mailFrom,
});

const timeZones = Intl.supportedValuesOf('timeZone');
const machineZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** NumberInput hands back '' while empty; the field's rule says what is wrong with it. */
const toNumber = (value: string | number): number =>
  typeof value === 'number' ? value : value === '' ? NaN : Number(value);

/**
 * Chatbot and report settings. Each field shows the value in effect and where it comes
 * from; one the environment sets is read-only here (the variable wins, DESIGN.md). Fields
 * are checked with the contract's own schema as they are saved, and say what is wrong.
 */
export function GeneralSettingsForm({ settings }: { settings: SettingsView }) {
  const [draft, setDraft] = useState<Draft>(() => pick(settings));
  const [checked, setChecked] = useState(false);
  const save = useSetSettings({ inlineError: true });
  const dirty = JSON.stringify(draft) !== JSON.stringify(pick(settings));
  const { effective } = settings;
  const fromEnv = (key: Exclude<GeneralKeys, 'botName'>) => effective[key].source === 'environment';
  // Only what the person can change here: a value the environment sets is not sent.
  const editable = Object.fromEntries(
    Object.entries(draft).filter(
      ([key]) => key === 'botName' || !fromEnv(key as Exclude<GeneralKeys, 'botName'>),
    ),
  ) as Partial<Draft>;
  const errors = checked ? formErrors(editable as Draft) : {};
  const set = <K extends GeneralKeys>(key: K, value: Draft[K]) => {
    save.reset();
    setDraft((current) => ({ ...current, [key]: value }));
  };
  const shown = <K extends Exclude<GeneralKeys, 'botName'>>(key: K): Draft[K] =>
    (fromEnv(key) ? effective[key].value : draft[key]) as Draft[K];
  const common = (key: Exclude<GeneralKeys, 'botName'>, text: string) => ({
    description: <FieldDescription text={text} origin={effective[key]} />,
    readOnly: fromEnv(key),
    // Read-only looks it: filled, with a lock where a number's steppers or a clear button were.
    ...(fromEnv(key)
      ? { variant: 'filled', rightSection: <EnvLock />, rightSectionPointerEvents: 'none' as const }
      : {}),
    error: errors[key],
    inputWrapperOrder: ['label', 'input', 'error', 'description'] as (
      'label' | 'input' | 'error' | 'description'
    )[],
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(formErrors(editable as Draft)).length) return;
    // Only what changed, so an untouched field stays on its default (and says "Default").
    const original = pick(settings);
    const changed = Object.fromEntries(
      Object.entries(editable).filter(
        ([key, value]) => JSON.stringify(value) !== JSON.stringify(original[key as GeneralKeys]),
      ),
    ) as Partial<Draft>;
    save.mutate(changed, {
      onSuccess: (stored) => {
        setChecked(false);
        setDraft(pick(stored));
      },
    });
  };

  return (
    <SettingsSection
      id="general-title"
      title="Chatbot and reports"
      description="How sessions are read and when their reports go out."
    >
      <form onSubmit={submit} noValidate aria-labelledby="general-title">
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" verticalSpacing="lg">
            <TextInput
              label="Bot name"
              description="Shown for the bot's lines in transcripts and reports."
              inputWrapperOrder={['label', 'input', 'error', 'description']}
              value={draft.botName}
              error={errors.botName}
              onChange={(e) => set('botName', e.currentTarget.value)}
            />
            <TextInput
              label="Send reports from"
              placeholder="leadwatch@example.com"
              type="email"
              {...common('mailFrom', 'The From address of report mail.')}
              value={shown('mailFrom')}
              onChange={(e) => set('mailFrom', e.currentTarget.value)}
            />
            <Autocomplete
              label="Report time zone"
              placeholder={machineZone}
              data={timeZones}
              limit={30}
              {...common(
                'reportTimezone',
                `Days and times in reports. Empty: this computer's (${machineZone}).`,
              )}
              value={shown('reportTimezone')}
              onChange={(value) => set('reportTimezone', value)}
            />
            <Autocomplete
              label="Source time zone"
              data={timeZones}
              limit={30}
              {...common('sourceTimezone', 'For source timestamps written without a zone.')}
              value={shown('sourceTimezone')}
              onChange={(value) => set('sourceTimezone', value)}
            />
            <NumberInput
              label="Inactivity before a session is finished (minutes)"
              {...common(
                'inactivityMinutes',
                'After this long without a message, its report is sent.',
              )}
              value={Number.isNaN(shown('inactivityMinutes')) ? '' : shown('inactivityMinutes')}
              onChange={(value) => set('inactivityMinutes', toNumber(value))}
              allowDecimal={false}
            />
            <NumberInput
              label="Monitor interval (seconds)"
              {...common(
                'monitorIntervalSeconds',
                'How often sources are checked for finished sessions.',
              )}
              value={
                Number.isNaN(shown('monitorIntervalSeconds')) ? '' : shown('monitorIntervalSeconds')
              }
              onChange={(value) => set('monitorIntervalSeconds', toNumber(value))}
              allowDecimal={false}
            />
          </SimpleGrid>
          <TagsInput
            label="Report recipients"
            placeholder={
              shown('reportRecipients').length || fromEnv('reportRecipients')
                ? undefined
                : 'manager@example.com'
            }
            {...common('reportRecipients', 'Email addresses; press Enter or comma after each.')}
            value={shown('reportRecipients')}
            onChange={(value) => set('reportRecipients', value)}
            splitChars={[',', ' ', ';']}
            clearable={!fromEnv('reportRecipients')}
          />
          <SaveBar
            dirty={dirty}
            saving={save.isPending}
            saved={save.isSuccess}
            error={save.error}
          />
        </Stack>
      </form>
    </SettingsSection>
  );
}
