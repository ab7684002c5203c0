import { Table, Text } from '@mantine/core';
import type { DeliveryDetail } from '../../../../../shared/deliveries';
import { RelativeTime } from '../../../components/RelativeTime';
import { DeliveryStatusBadge } from './DeliveryStatusBadge';

/** How it went for each recipient (webhook URLs arrive with their path hidden). */
export function DeliveryRecipients({ recipients }: { recipients: DeliveryDetail['recipients'] }) {
  if (recipients.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No recipients recorded yet.
      </Text>
    );
  }
  return (
    <Table aria-label="Recipients" verticalSpacing={6}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Recipient</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Updated</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {recipients.map((r) => (
          <Table.Tr key={r.recipient} data-testid="delivery-recipient">
            <Table.Td>
              <Text size="sm" style={{ wordBreak: 'break-all' }}>
                {r.recipient}
              </Text>
              {r.error && (
                <Text size="xs" c="var(--mantine-color-red-text)">
                  {r.error}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <DeliveryStatusBadge status={r.status} />
            </Table.Td>
            <Table.Td>
              <RelativeTime iso={r.updatedAt} size="sm" />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
