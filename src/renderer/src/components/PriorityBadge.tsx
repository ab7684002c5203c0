import { Badge } from '@mantine/core';
import type { Priority } from '../../../shared/contract';
import { priorityColor, priorityLabel } from '../lib/priorities';

export function PriorityBadge({
  priority,
  size = 'sm',
}: {
  priority: Priority | null;
  size?: 'xs' | 'sm' | 'md';
}) {
  if (!priority) return null;
  return (
    <Badge color={priorityColor[priority]} size={size} variant="filled" data-priority={priority}>
      {priorityLabel[priority]}
    </Badge>
  );
}
