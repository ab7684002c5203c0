import { Alert, Anchor, Group, Loader, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconClock } from '@tabler/icons-react';
import type { EventPayload } from '../../../../../shared/contract';
import { ActionErrorAlert } from '../../../components/ActionErrorAlert';
import { formatAbsolute } from '../../../lib/format';
import { methodLabel, statusLabel } from '../shared/labels';
import type { useSendReportNow } from './use-lead-report';

const sendAdvice = {
  invalid_input: 'Check the recipients: core refused them as typed. Nothing was sent.',
  unavailable:
    'The delivery channel is not configured here (e.g. no SMTP_URL for email, no SLACK_WEBHOOK_URL for Slack without a URL). Configure it in Settings → Connections, or pick another method.',
};

/** "Sending…" while it runs (live from delivery events), then what became of the delivery. */
export function SendNowStatus({
  mutation,
  latest,
}: {
  mutation: ReturnType<typeof useSendReportNow>;
  latest: EventPayload<'delivery.changed'> | null;
}) {
  if (mutation.isPending) {
    return (
      <Group gap="xs" role="status" aria-live="polite" data-testid="send-progress">
        <Loader size="xs" />
        <Text size="sm">
          {latest && latest.status !== 'sent' && latest.status !== 'failed'
            ? `${statusLabel[latest.status]}…`
            : 'Sending…'}
        </Text>
      </Group>
    );
  }
  if (mutation.error) {
    return (
      <ActionErrorAlert
        title="The report was not sent"
        error={mutation.error}
        advice={sendAdvice}
        onDismiss={mutation.reset}
      />
    );
  }
  const d = mutation.data;
  if (!d) return null;
  const link = (
    <Anchor href="#/reports/deliveries" inherit fw={600}>
      Deliveries
    </Anchor>
  );
  const common = {
    variant: 'light' as const,
    withCloseButton: true,
    closeButtonLabel: 'Dismiss',
    onClose: mutation.reset,
    'data-testid': 'send-result',
    'data-status': d.status,
    maw: 560,
  };
  if (d.status === 'sent') {
    return (
      <Alert {...common} color="teal" icon={<IconCheck aria-hidden />} role="status" title="Sent">
        Delivery #{d.id} went out by {methodLabel[d.method]}.{d.note ? ` ${d.note}.` : ''} Details
        in {link}.
      </Alert>
    );
  }
  if (d.status === 'failed') {
    return (
      <Alert
        {...common}
        color="red"
        icon={<IconAlertTriangle aria-hidden />}
        role="alert"
        title="Not sent"
      >
        <Text size="sm" fw={500}>
          {d.error ?? 'The delivery failed.'}
        </Text>
        <Text size="sm" mt={4}>
          Delivery #{d.id} failed after {d.attempts} of {d.maxAttempts} tries. Fix the cause (the
          receiver, the address, the connection), then retry it from {link}.
        </Text>
      </Alert>
    );
  }
  return (
    <Alert
      {...common}
      color="yellow"
      icon={<IconClock aria-hidden />}
      role="status"
      title="Not sent yet: it will be tried again"
    >
      {d.error && (
        <Text size="sm" fw={500}>
          {d.error}
        </Text>
      )}
      <Text size="sm" mt={4}>
        Delivery #{d.id}, try {d.attempts} of {d.maxAttempts}
        {d.nextAttemptAt ? `; next try ${formatAbsolute(d.nextAttemptAt)}` : ''}. Follow it in{' '}
        {link}.
      </Text>
    </Alert>
  );
}
