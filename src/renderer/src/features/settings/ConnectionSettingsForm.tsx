import { Alert, Button, Code, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { Settings, SettingsView } from '../../../../shared/contract';
import { useSetSettings } from '../../api/hooks';
import { SaveBar } from './SaveBar';
import { SettingsSection } from './SettingsSection';
import { EnvLock, FieldDescription } from './SettingSource';

type ConnectionKeys = 'redisUrl' | 'databaseUrl' | 'smtpUrl';

/**
 * The page never holds a saved password: core answers connection strings redacted. A field
 * left empty keeps the saved value, a typed URL replaces it, Remove clears it.
 */
type Change = { kind: 'keep' } | { kind: 'replace'; text: string } | { kind: 'remove' };
type Draft = Record<ConnectionKeys, Change>;

const untouched: Draft = {
  redisUrl: { kind: 'keep' },
  databaseUrl: { kind: 'keep' },
  smtpUrl: { kind: 'keep' },
};

const fields: { key: ConnectionKeys; label: string; placeholder: string; description: string }[] = [
  {
    key: 'redisUrl',
    label: 'Redis URL',
    placeholder: 'redis://user:password@host:6379/0',
    description: 'Where the chatbot writes its sessions, leads and transcripts.',
  },
  {
    key: 'databaseUrl',
    label: 'PostgreSQL URL',
    placeholder: 'postgres://user:password@host:5432/team',
    description: 'Gym leads, call logs, web chat and shop events.',
  },
  {
    key: 'smtpUrl',
    label: 'SMTP URL',
    placeholder: 'smtp://user:password@host:587',
    description: 'The mail server reports are sent through.',
  },
];

function patchOf(draft: Draft): Partial<Settings> {
  const patch: Partial<Settings> = {};
  for (const key of Object.keys(draft) as ConnectionKeys[]) {
    const change = draft[key];
    if (change.kind === 'replace' && change.text.trim() !== '') patch[key] = change.text.trim();
    if (change.kind === 'remove') patch[key] = '';
  }
  return patch;
}

/**
 * Connection strings carry passwords: typed into masked inputs, sealed by core with the OS
 * keychain, shown back redacted. Where no keychain is at hand (a browser, the CLI) core
 * refuses with 'forbidden', shown as is.
 */
export function ConnectionSettingsForm({ settings }: { settings: SettingsView }) {
  const [draft, setDraft] = useState<Draft>(untouched);
  const save = useSetSettings({ inlineError: true });
  const patch = patchOf(draft);
  const dirty = Object.keys(patch).length > 0;
  const change = (key: ConnectionKeys, next: Change) => {
    save.reset();
    setDraft((current) => ({ ...current, [key]: next }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(patch, { onSuccess: () => setDraft(untouched) });
  };

  return (
    <SettingsSection
      id="connections-title"
      title="Connections"
      description="Your team's Redis and PostgreSQL, mirrored into the local store for offline review, and the mail server."
    >
      <form onSubmit={submit} noValidate aria-labelledby="connections-title">
        <Stack gap="lg">
          <Alert
            variant="light"
            color="blue"
            icon={<IconLock aria-hidden />}
            title="Kept in your keychain"
          >
            Connection URLs are encrypted with your operating system&apos;s keychain and never
            written to plain files or logs; this page only ever sees them with the password hidden.
            Environment variables (REDIS_URL, DATABASE_URL, SMTP_URL) take precedence.
          </Alert>
          {fields.map((field) => (
            <ConnectionField
              key={field.key}
              field={field}
              saved={settings[field.key]}
              origin={settings.effective[field.key]}
              change={draft[field.key]}
              onChange={(next) => change(field.key, next)}
            />
          ))}
          <SaveBar
            dirty={dirty}
            saving={save.isPending}
            saved={save.isSuccess}
            error={save.error}
            label="Save connections"
          />
        </Stack>
      </form>
    </SettingsSection>
  );
}

function ConnectionField({
  field,
  saved,
  origin,
  change,
  onChange,
}: {
  field: (typeof fields)[number];
  saved: string;
  origin: SettingsView['effective'][ConnectionKeys];
  change: Change;
  onChange: (next: Change) => void;
}) {
  const description = <FieldDescription text={field.description} origin={origin} />;
  if (origin.source === 'environment') {
    return (
      <TextInput
        label={field.label}
        description={description}
        inputWrapperOrder={['label', 'input', 'description']}
        value={origin.value}
        readOnly
        variant="filled"
        rightSection={<EnvLock />}
        rightSectionPointerEvents="none"
        spellCheck={false}
      />
    );
  }
  const removing = change.kind === 'remove';
  return (
    <Stack gap={6}>
      <PasswordInput
        label={field.label}
        description={description}
        inputWrapperOrder={['label', 'input', 'description']}
        placeholder={
          removing
            ? 'Removed when you save'
            : saved
              ? 'Saved; type a new URL to replace it'
              : field.placeholder
        }
        autoComplete="off"
        spellCheck={false}
        disabled={removing}
        value={change.kind === 'replace' ? change.text : ''}
        onChange={(e) => {
          const text = e.currentTarget.value;
          onChange(text === '' ? { kind: 'keep' } : { kind: 'replace', text });
        }}
        visibilityToggleButtonProps={{ 'aria-label': `Show or hide ${field.label}` }}
      />
      {saved && (
        <Group gap="xs" wrap="nowrap" data-testid={`saved-${field.key}`}>
          <Text size="xs" c="dimmed" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
            {removing ? 'Will be removed:' : 'Saved:'} <Code>{saved}</Code>
          </Text>
          <Button
            size="compact-xs"
            variant="subtle"
            color={removing ? 'gray' : 'red'}
            onClick={() => onChange(removing ? { kind: 'keep' } : { kind: 'remove' })}
            aria-label={
              removing ? `Keep the saved ${field.label}` : `Remove the saved ${field.label}`
            }
          >
            {removing ? 'Keep' : 'Remove'}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
