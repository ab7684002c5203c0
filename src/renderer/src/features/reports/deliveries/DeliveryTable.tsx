import { Button, Table, Text, UnstyledButton } from '@mantine/core';
import type { DeliverySummary } from '../../../../../shared/deliveries';
import { RelativeTime } from '../../../components/RelativeTime';
import { formatWrittenPeriod } from '../shared/format-report';
import { methodLabel } from '../shared/labels';
import { DeliveryStatusBadge } from './DeliveryStatusBadge';
import { useGymNameLookup } from '../gyms/use-gym-names';

/**
 * The delivery history, newest first. The row opens the details (its first cell is the
 * keyboard way in); failed ones have Retry at hand.
 */
export function DeliveryTable({
  items,
  onOpen,
  onRetry,
  retryingId,
}: {
  items: DeliverySummary[];
  onOpen: (id: number) => void;
  onRetry: (id: number) => void;
  retryingId: number | null;
}) {
  const nameOf = useGymNameLookup();
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table highlightOnHover verticalSpacing="sm" aria-label="Deliveries">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Delivery</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Report</Table.Th>
            <Table.Th>Method</Table.Th>
            <Table.Th>Tries</Table.Th>
            <Table.Th>Last change</Table.Th>
            <Table.Th>Error or note</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((d) => (
            <Table.Tr
              key={d.id}
              onClick={() => onOpen(d.id)}
              style={{ cursor: 'pointer' }}
              data-testid="delivery-row"
              data-id={d.id}
              data-status={d.status}
            >
              <Table.Td>
                <UnstyledButton
                  onClick={(e) => {
                    e.stopPropagation();
                    onOpen(d.id);
                  }}
                  aria-label={`Open delivery ${d.id}`}
                >
                  <Text size="sm" fw={600} c="var(--mantine-color-anchor)">
                    #{d.id}
                  </Text>
                </UnstyledButton>
                <Text size="xs" c="dimmed">
                  {d.trigger === 'schedule' ? 'scheduled' : 'sent by hand'}
                </Text>
              </Table.Td>
              <Table.Td>
                <DeliveryStatusBadge status={d.status} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" tt="capitalize">
                  {d.reportType} · {formatWrittenPeriod(d.periodStart, d.periodEnd)}
                </Text>
                <Text
                  size="xs"
                  c="dimmed"
                  ff={nameOf(d.gymId) ? undefined : 'monospace'}
                  title={d.gymId}
                >
                  {nameOf(d.gymId) ?? `${d.gymId.slice(0, 8)}…`}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{methodLabel[d.method]}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {d.attempts} / {d.maxAttempts}
                </Text>
              </Table.Td>
              <Table.Td>
                <RelativeTime iso={d.updatedAt} size="sm" />
              </Table.Td>
              <Table.Td maw={320}>
                {d.status === 'failed' ? (
                  <>
                    <Text size="sm" c="var(--mantine-color-red-text)" lineClamp={2}>
                      {d.error}
                    </Text>
                    <Button
                      size="compact-sm"
                      variant="light"
                      color="red"
                      mt={4}
                      loading={retryingId === d.id}
                      onClick={(e) => {
                        e.stopPropagation();
                        onRetry(d.id);
                      }}
                      aria-label={`Retry delivery ${d.id}`}
                    >
                      Retry
                    </Button>
                  </>
                ) : (
                  <Text size="sm" c="dimmed" lineClamp={2}>
                    {d.error ?? d.note ?? ''}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
