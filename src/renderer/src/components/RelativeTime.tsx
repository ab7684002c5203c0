import { Text, type TextProps } from '@mantine/core';
import { formatAbsolute, formatRelative } from '../lib/format';

/** Relative time for scanning, the exact date and time on hover and for screen readers. */
export function RelativeTime({ iso, ...props }: { iso: string | null } & TextProps) {
  if (!iso) {
    return (
      <Text component="span" {...props}>
        —
      </Text>
    );
  }
  return (
    <Text component="time" dateTime={iso} title={formatAbsolute(iso)} {...props}>
      {formatRelative(iso)}
    </Text>
  );
}
