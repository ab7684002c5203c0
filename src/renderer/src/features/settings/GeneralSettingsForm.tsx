import { Autocomplete, NumberInput, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { Settings } from '../../../../shared/contract';
import { useSetSettings } from '../../api/hooks';
import { SaveBar } from './SaveBar';
import { SettingsSection } from './SettingsSection';

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

/** NumberInput hands back '' while empty; core's schema says what is wrong with it. */
const toNumber = (value: string | number): number =>
  typeof value === 'number' ? value : Number(value);

/**
 * Chatbot and report settings. Validation is core's: the form sends what was typed and
 * shows core's message, so the rules live in one place (the contract's schema).
 */
export function GeneralSettingsForm({ settings }: { settings: Settings }) {
  const [draft, setDraft] = useState<Draft>(() => pick(settings));
  const save = useSetSettings({ inlineError: true });
  const dirty = JSON.stringify(draft) !== JSON.stringify(pick(settings));
  const set = <K extends GeneralKeys>(key: K, value: Draft[K]) => {
    save.reset();
    setDraft((current) => ({ ...current, [key]: value }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(draft, { onSuccess: (stored) => setDraft(pick(stored)) });
  };

  return (
    <SettingsSection
      id="general-title"
      title="Chatbot and reports"
      description="How sessions are read and when their reports go out."
    >
      <form onSubmit={submit} noValidate aria-labelledby="general-title">
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <TextInput
              label="Bot name"
              description="Shown for the bot's lines in transcripts and reports."
              value={draft.botName}
              onChange={(e) => set('botName', e.currentTarget.value)}
            />
            <TextInput
              label="Send reports from"
              description="The From address of report mail."
              placeholder="leadwatch@example.com"
              type="email"
              value={draft.mailFrom}
              onChange={(e) => set('mailFrom', e.currentTarget.value)}
            />
            <Autocomplete
              label="Report time zone"
              description={`Days and times in reports. Empty: this computer's (${machineZone}).`}
              placeholder={machineZone}
              data={timeZones}
              limit={30}
              value={draft.reportTimezone}
              onChange={(value) => set('reportTimezone', value)}
            />
            <Autocomplete
              label="Source time zone"
              description="For source timestamps written without a zone."
              data={timeZones}
              limit={30}
              value={draft.sourceTimezone}
              onChange={(value) => set('sourceTimezone', value)}
            />
            <NumberInput
              label="Inactivity before a session is finished (minutes)"
              description="After this long without a message, its report is sent."
              value={draft.inactivityMinutes}
              onChange={(value) => set('inactivityMinutes', toNumber(value))}
              allowDecimal={false}
            />
            <NumberInput
              label="Monitor interval (seconds)"
              description="How often sources are checked for finished sessions."
              value={draft.monitorIntervalSeconds}
              onChange={(value) => set('monitorIntervalSeconds', toNumber(value))}
              allowDecimal={false}
            />
          </SimpleGrid>
          <TagsInput
            label="Report recipients"
            description="Email addresses; press Enter or comma after each."
            placeholder={draft.reportRecipients.length ? undefined : 'manager@example.com'}
            value={draft.reportRecipients}
            onChange={(value) => set('reportRecipients', value)}
            splitChars={[',', ' ', ';']}
            clearable
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
