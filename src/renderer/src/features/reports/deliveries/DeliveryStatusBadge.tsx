import { Badge } from '@mantine/core';
import type { DeliveryStatus } from '../../../../../shared/deliveries';
import { statusColor, statusLabel } from '../shared/labels';

export function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  return (
    <Badge color={statusColor[status]} variant="filled" data-status={status}>
      {statusLabel[status]}
    </Badge>
  );
}
