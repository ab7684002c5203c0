import {
  Anchor,
  Button,
  Group,
  Paper,
  Progress,
  SegmentedControl,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconDatabaseImport, IconPlugConnected, IconSparkles } from '@tabler/icons-react';
import { useState } from 'react';
import { useDemoProgress } from '../../api/events';
import { useSeedDemo, useSetSettings } from '../../api/hooks';
import { useNotify } from '../../components/notifications';
import { formatNumber, plural } from '../../lib/format';

type DemoSize = 'small' | 'standard';

const sizes: { value: DemoSize; label: string }[] = [
  { value: 'small', label: 'Small sample' },
  { value: 'standard', label: 'Full demo' },
];

/**
 * What an empty store offers: demo data generated on this machine, or the way to connect the
 * team's Redis and PostgreSQL. `welcome` is the first-start version, with a "Not now".
 */
export function DemoOffer({ welcome }: { welcome: boolean }) {
  const [size, setSize] = useState<DemoSize>('small');
  const notify = useNotify();
  const seed = useSeedDemo((summary) =>
    notify({
      kind: 'success',
      title: 'Demo data loaded',
      message: `${plural(summary.chatSessions + summary.webChatSessions, 'chat session')}, ${plural(summary.chatMessages, 'message')}, ${plural(summary.gymLeads, 'gym lead')} and ${plural(summary.callLogs, 'call')}.`,
    }),
  );
  const dismiss = useSetSettings();
  const progress = useDemoProgress(seed.isPending);
  const load = () => seed.mutate({ size });

  const percent = progress && progress.total > 0 ? (progress.done / progress.total) * 100 : 0;

  return (
    <Paper
      withBorder
      radius="lg"
      p="xl"
      shadow={welcome ? 'sm' : undefined}
      aria-labelledby="demo-offer-title"
      component="section"
    >
      <Stack gap="lg">
        <Group gap="md" wrap="nowrap" align="flex-start">
          <ThemeIcon size={48} radius="xl" variant="light" aria-hidden>
            {welcome ? <IconSparkles size={26} /> : <IconDatabaseImport size={26} />}
          </ThemeIcon>
          <Stack gap={4}>
            <Title order={2} fz="xl" id="demo-offer-title">
              {welcome ? 'Welcome to Leadwatch' : 'Nothing to review yet'}
            </Title>
            <Text>
              Your local store is empty. Load demo data to explore the app: chat sessions with full
              transcripts and lead scores, gym leads with call logs, and shop activity, all
              generated on this machine.
            </Text>
          </Stack>
        </Group>

        {seed.isPending ? (
          <Stack gap={6} role="status" aria-live="polite">
            <Text size="sm" fw={500}>
              {progress ? `${progress.step}…` : 'Preparing demo data…'}
            </Text>
            <Progress value={percent} animated aria-label="Demo data progress" />
            {progress && (
              <Text size="xs" c="dimmed">
                {formatNumber(progress.done)} of {formatNumber(progress.total)}
              </Text>
            )}
          </Stack>
        ) : (
          <Group gap="md">
            <SegmentedControl
              aria-label="Demo data size"
              value={size}
              onChange={(value) => setSize(value as DemoSize)}
              data={sizes}
            />
            <Button leftSection={<IconDatabaseImport size={18} aria-hidden />} onClick={load}>
              Load demo data
            </Button>
            {welcome && (
              <Button
                variant="subtle"
                color="gray"
                loading={dismiss.isPending}
                onClick={() => dismiss.mutate({ demoOffered: true })}
              >
                Not now
              </Button>
            )}
          </Group>
        )}

        <Group gap="sm" wrap="nowrap" align="flex-start">
          <IconPlugConnected size={20} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
          <Text size="sm">
            Have your team&apos;s data? Add the Redis and PostgreSQL connection URLs in{' '}
            <Anchor href="#/settings" inherit>
              Settings
            </Anchor>{' '}
            and Leadwatch mirrors chat sessions, leads and calls into this store so you can review
            them offline.
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}
