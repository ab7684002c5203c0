import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { ContractError, errorMessage } from '../api/client';
import { adviceFor, type AdviceOverrides } from '../lib/error-advice';

interface Props {
  title: string;
  error: unknown;
  /** Advice for this action, per error type, in place of the general advice. */
  advice?: AdviceOverrides;
  onRetry?: () => void;
  onDismiss?: () => void;
}

/** A failed action: core's own message, then what to do about it. */
export function ActionErrorAlert({ title, error, advice, onRetry, onDismiss }: Props) {
  const type = error instanceof ContractError ? error.type : 'internal';
  return (
    <Alert
      color="red"
      variant="light"
      title={title}
      icon={<IconAlertTriangle aria-hidden />}
      role="alert"
      withCloseButton={Boolean(onDismiss)}
      onClose={onDismiss}
      closeButtonLabel="Dismiss"
      data-testid="action-error"
      data-error-type={type}
    >
      <Text size="sm" fw={500}>
        {errorMessage(error)}
      </Text>
      <Text size="sm" mt={4}>
        {adviceFor(type, advice)}
      </Text>
      {onRetry && (
        <Group mt="xs">
          <Button variant="light" color="red" size="compact-sm" onClick={onRetry}>
            Try again
          </Button>
        </Group>
      )}
    </Alert>
  );
}
