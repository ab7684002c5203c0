import { Badge, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { SettingOrigin } from '../../../../shared/contract';
import { markerColor } from '../../lib/priorities';

const sourceLabel = { saved: 'Saved', default: 'Default' } as const;

/**
 * A field's description plus where its effective value comes from: the environment (then
 * the field is read-only and says which variable), a saved value, or the default.
 */
export function FieldDescription({
  text,
  origin,
}: {
  text: ReactNode;
  origin: SettingOrigin<unknown> | undefined;
}) {
  return (
    <Stack gap={2} component="span">
      <span>{text}</span>
      {origin && <SourceLine origin={origin} />}
      {origin?.notice && (
        <Text
          component="span"
          size="xs"
          c={markerColor.warning}
          style={{ display: 'inline-flex', gap: 4, alignItems: 'flex-start' }}
          data-testid="setting-notice"
        >
          <IconAlertTriangle size={14} aria-hidden style={{ flex: 'none', marginTop: 1 }} />
          {origin.notice}
        </Text>
      )}
    </Stack>
  );
}

function SourceLine({ origin }: { origin: SettingOrigin<unknown> }) {
  if (origin.source === 'environment') {
    return (
      <Group component="span" gap={4} wrap="nowrap" data-testid="setting-source">
        <IconLock size={13} aria-hidden style={{ flex: 'none' }} />
        <Text component="span" size="xs" fw={500}>
          Set by {origin.variable} in the environment; unset it to edit here.
        </Text>
      </Group>
    );
  }
  return (
    <Group component="span" gap={6} wrap="nowrap" data-testid="setting-source">
      <Badge
        component="span"
        size="xs"
        // A default is quieter than a choice someone saved.
        variant={origin.source === 'saved' ? 'light' : 'outline'}
        color={origin.source === 'saved' ? 'teal' : 'gray'}
      >
        {sourceLabel[origin.source]}
      </Badge>
      <Text component="span" size="xs" c="dimmed">
        Overridden by {origin.variable} when that is set.
      </Text>
    </Group>
  );
}

/** Inside a read-only field the environment sets. */
export function EnvLock() {
  return <IconLock size={15} aria-hidden style={{ color: 'var(--mantine-color-dimmed)' }} />;
}
