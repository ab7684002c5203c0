import { Alert, PasswordInput, Stack } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { Settings } from '../../../../shared/contract';
import { useSetSettings } from '../../api/hooks';
import { SaveBar } from './SaveBar';
import { SettingsSection } from './SettingsSection';

type ConnectionKeys = 'redisUrl' | 'databaseUrl' | 'smtpUrl';
type Draft = Pick<Settings, ConnectionKeys>;

const pick = (s: Settings): Draft => ({
  redisUrl: s.redisUrl,
  databaseUrl: s.databaseUrl,
  smtpUrl: s.smtpUrl,
});

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

/**
 * Connection strings carry passwords: masked inputs, and core seals them with the OS keychain.
 * Where no keychain is at hand (a browser, the CLI) core refuses with 'forbidden', shown as is.
 */
export function ConnectionSettingsForm({ settings }: { settings: Settings }) {
  const [draft, setDraft] = useState<Draft>(() => pick(settings));
  const save = useSetSettings({ inlineError: true });
  const dirty = JSON.stringify(draft) !== JSON.stringify(pick(settings));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(draft, { onSuccess: (stored) => setDraft(pick(stored)) });
  };

  return (
    <SettingsSection
      id="connections-title"
      title="Connections"
      description="Your team's Redis and PostgreSQL, mirrored into the local store for offline review."
    >
      <form onSubmit={submit} noValidate aria-labelledby="connections-title">
        <Stack gap="md">
          <Alert
            variant="light"
            color="blue"
            icon={<IconLock aria-hidden />}
            title="Kept in your keychain"
          >
            Connection URLs are encrypted with your operating system&apos;s keychain and never
            written to plain files or logs. Environment variables (REDIS_URL, DATABASE_URL,
            SMTP_URL) take precedence over them.
          </Alert>
          {fields.map((field) => (
            <PasswordInput
              key={field.key}
              label={field.label}
              description={field.description}
              placeholder={field.placeholder}
              autoComplete="off"
              spellCheck={false}
              value={draft[field.key]}
              onChange={(e) => {
                const value = e.currentTarget.value;
                save.reset();
                setDraft((current) => ({ ...current, [field.key]: value }));
              }}
              visibilityToggleButtonProps={{ 'aria-label': `Show or hide ${field.label}` }}
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
