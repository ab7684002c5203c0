import { Skeleton, Stack } from '@mantine/core';

/** Placeholder rows while a table loads, so the layout does not jump. */
export function TableSkeleton({ rows = 4, label }: { rows?: number; label: string }) {
  return (
    <Stack gap={8} role="status" aria-label={label}>
      {Array.from({ length: rows + 1 }, (_, i) => (
        <Skeleton key={i} h={i === 0 ? 28 : 40} />
      ))}
    </Stack>
  );
}
