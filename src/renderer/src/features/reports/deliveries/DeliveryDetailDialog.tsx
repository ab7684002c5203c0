import { Alert, Button, Code, Group, Modal, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle, IconRefresh } from '@tabler/icons-react';
import { ActionErrorAlert } from '../../../components/ActionErrorAlert';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FilePath } from '../../../components/FilePath';
import { formatAbsolute } from '../../../lib/format';
import { formatWrittenPeriod } from '../shared/format-report';
import { methodLabel } from '../shared/labels';
import { DeliveryLog } from './DeliveryLog';
import { DeliveryRecipients } from './DeliveryRecipients';
import { DeliveryStatusBadge } from './DeliveryStatusBadge';
import { useDelivery, useRetryDelivery } from './use-deliveries';

/** One delivery: what it was, every step it took, each recipient, and Retry when it failed. */
export function DeliveryDetailDialog({ id, onClose }: { id: number | null; onClose: () => void }) {
  const detail = useDelivery(id);
  const retry = useRetryDelivery();
  const d = detail.data;
  return (
    <Modal
      opened={id !== null}
      onClose={() => {
        retry.reset();
        onClose();
      }}
      size="xl"
      title={
        <Group gap="sm">
          <Text fw={650}>Delivery #{id}</Text>
          {d && <DeliveryStatusBadge status={d.status} />}
        </Group>
      }
      closeButtonProps={{ 'aria-label': 'Close delivery details' }}
      data-testid="delivery-detail"
    >
      {detail.error && <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />}
      {detail.isPending && <Skeleton h={300} />}
      {d && (
        <Stack gap="md">
          <Text size="sm">
            {d.reportType === 'daily' ? 'Daily' : d.reportType === 'weekly' ? 'Weekly' : 'Custom'}{' '}
            report for gym <Code>{d.gymId}</Code>
            {d.branchId ? (
              <>
                , branch <Code>{d.branchId}</Code>
              </>
            ) : (
              ', all branches'
            )}
            , {formatWrittenPeriod(d.periodStart, d.periodEnd)} · by {methodLabel[d.method]} ·{' '}
            {d.trigger === 'schedule' ? `subscription ${d.subscriptionId ?? ''}` : 'sent by hand'} ·
            try {d.attempts} of {d.maxAttempts}
          </Text>
          {d.error && (
            <Alert
              color="red"
              variant="light"
              icon={<IconAlertTriangle aria-hidden />}
              title={d.status === 'failed' ? 'Failed' : 'Last try failed'}
              data-testid="delivery-error"
            >
              <Text size="sm" style={{ wordBreak: 'break-word' }}>
                {d.error}
              </Text>
              {d.status !== 'failed' && d.nextAttemptAt && (
                <Text size="sm" mt={4}>
                  Next try {formatAbsolute(d.nextAttemptAt)}.
                </Text>
              )}
            </Alert>
          )}
          {d.note && (
            <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>
              {d.note}
            </Alert>
          )}
          {d.pdfPath && (
            <div>
              <Text size="sm">PDF kept at</Text>
              <FilePath path={d.pdfPath} />
            </div>
          )}
          {d.status === 'failed' && (
            <Group>
              <Button
                leftSection={<IconRefresh size={16} aria-hidden />}
                loading={retry.isPending}
                onClick={() => retry.mutate(d.id)}
              >
                Retry
              </Button>
              <Text size="sm" c="dimmed">
                A fresh round of {d.maxAttempts} tries, starting now.
              </Text>
            </Group>
          )}
          {retry.error && (
            <ActionErrorAlert title="Not retried" error={retry.error} onDismiss={retry.reset} />
          )}
          <div>
            <Title order={3} fz="md" mb="xs">
              Recipients
            </Title>
            <DeliveryRecipients recipients={d.recipients} />
          </div>
          <div>
            <Title order={3} fz="md" mb="xs">
              What happened
            </Title>
            <DeliveryLog log={d.log} />
          </div>
        </Stack>
      )}
    </Modal>
  );
}
