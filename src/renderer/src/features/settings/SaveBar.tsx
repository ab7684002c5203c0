import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import type { ContractError } from '../../api/client';

interface Props {
  dirty: boolean;
  saving: boolean;
  saved: boolean;
  error: ContractError | null;
  label?: string;
}

/** The form's submit button, and what the save came to: core's own message when it refused. */
export function SaveBar({ dirty, saving, saved, error, label = 'Save changes' }: Props) {
  return (
    <>
      {error && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle aria-hidden />}
          title={error.type === 'forbidden' ? 'Not saved here' : 'Not saved'}
          role="alert"
          styles={{ message: { whiteSpace: 'pre-wrap' } }}
          data-testid="settings-error"
        >
          {error.message}
        </Alert>
      )}
      <Group gap="sm">
        <Button type="submit" loading={saving} disabled={!dirty}>
          {label}
        </Button>
        {saved && !dirty && !error && (
          <Text
            size="sm"
            c="var(--mantine-color-teal-text)"
            role="status"
            style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
          >
            <IconCheck size={16} aria-hidden /> Saved
          </Text>
        )}
      </Group>
    </>
  );
}
