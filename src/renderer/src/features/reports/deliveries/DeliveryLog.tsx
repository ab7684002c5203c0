import { Text, Timeline } from '@mantine/core';
import type { DeliveryDetail } from '../../../../../shared/deliveries';
import { formatAbsolute } from '../../../lib/format';
import { statusColor, statusLabel } from '../shared/labels';

/** Every transition the delivery went through, with its time and message. */
export function DeliveryLog({ log }: { log: DeliveryDetail['log'] }) {
  return (
    <Timeline bulletSize={14} lineWidth={2} active={log.length - 1} aria-label="Transitions">
      {log.map((entry, i) => (
        <Timeline.Item
          key={i}
          color={statusColor[entry.to]}
          title={
            <Text size="sm" fw={600}>
              {entry.from ? `${statusLabel[entry.from]} → ` : ''}
              {statusLabel[entry.to]}
            </Text>
          }
          data-testid="delivery-log-entry"
        >
          <Text size="xs" c="dimmed" component="time" dateTime={entry.at}>
            {formatAbsolute(entry.at)}
          </Text>
          {entry.message && (
            <Text size="sm" style={{ wordBreak: 'break-word' }}>
              {entry.message}
            </Text>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
