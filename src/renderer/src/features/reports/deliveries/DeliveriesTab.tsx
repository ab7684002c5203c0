import { Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useState } from 'react';
import { deliveryStatusSchema, type DeliveryStatus } from '../../../../../shared/deliveries';
import { ActionErrorAlert } from '../../../components/ActionErrorAlert';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { plural } from '../../../lib/format';
import { EmptyState } from '../shared/EmptyState';
import { statusLabel } from '../shared/labels';
import { TableSkeleton } from '../shared/TableSkeleton';
import { DeliveryDetailDialog } from './DeliveryDetailDialog';
import { DeliveryTable } from './DeliveryTable';
import { useDeliveries, useRetryDelivery } from './use-deliveries';

const ALL = 'all';
const filterData = [
  { value: ALL, label: 'All' },
  ...deliveryStatusSchema.options.map((value) => ({ value, label: statusLabel[value] })),
];

/** Every delivery, scheduled or by hand, filterable by status; live as deliveries change. */
export function DeliveriesTab({ active }: { active: boolean }) {
  const [status, setStatus] = useState<DeliveryStatus | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const deliveries = useDeliveries(status);
  const retry = useRetryDelivery();
  const items = deliveries.data?.items ?? [];

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center">
        <SegmentedControl
          aria-label="Show deliveries with status"
          data={filterData}
          value={status ?? ALL}
          onChange={(value) => setStatus(value === ALL ? null : (value as DeliveryStatus))}
        />
        {deliveries.data && (
          <Text size="sm" c="dimmed" role="status" data-testid="delivery-total">
            {items.length < deliveries.data.total
              ? `Latest ${items.length} of ${plural(deliveries.data.total, 'delivery', 'deliveries')}`
              : plural(deliveries.data.total, 'delivery', 'deliveries')}
          </Text>
        )}
      </Group>
      {deliveries.error && (
        <ErrorAlert error={deliveries.error} onRetry={() => void deliveries.refetch()} />
      )}
      {retry.error && (
        <ActionErrorAlert title="Not retried" error={retry.error} onDismiss={retry.reset} />
      )}
      {deliveries.isPending && <TableSkeleton label="Loading deliveries" />}
      {deliveries.data && items.length === 0 && (
        <EmptyState
          icon={IconHistory}
          title={
            status ? `No ${statusLabel[status].toLowerCase()} deliveries` : 'No deliveries yet'
          }
        >
          {status
            ? 'Nothing with this status. Pick “All” to see every delivery.'
            : 'Deliveries appear here when a subscription sends its report or you use “Send now” on the Generate tab; each one keeps every step, its recipients and its errors.'}
        </EmptyState>
      )}
      {items.length > 0 && (
        <DeliveryTable
          items={items}
          onOpen={setOpenId}
          onRetry={(id) => retry.mutate(id)}
          retryingId={retry.isPending ? (retry.variables ?? null) : null}
        />
      )}
      {active && <DeliveryDetailDialog id={openId} onClose={() => setOpenId(null)} />}
    </Stack>
  );
}
