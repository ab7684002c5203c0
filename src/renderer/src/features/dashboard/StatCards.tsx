import { Group, Paper, SimpleGrid, Skeleton, Text, ThemeIcon } from '@mantine/core';
import {
  IconMessage,
  IconMessages,
  IconPhoneCall,
  IconShoppingBag,
  IconUserStar,
  type Icon,
} from '@tabler/icons-react';
import type { AppInfo } from '../../../../shared/contract';
import { formatNumber } from '../../lib/format';

const STATS: { key: keyof AppInfo['counts']; label: string; icon: Icon; color: string }[] = [
  { key: 'sessions', label: 'Chat sessions', icon: IconMessages, color: 'blue' },
  { key: 'messages', label: 'Messages', icon: IconMessage, color: 'cyan' },
  { key: 'leads', label: 'Gym leads', icon: IconUserStar, color: 'grape' },
  { key: 'callLogs', label: 'Calls logged', icon: IconPhoneCall, color: 'teal' },
  { key: 'shopUsers', label: 'Shop users', icon: IconShoppingBag, color: 'orange' },
];

export function StatCards({ counts }: { counts: AppInfo['counts'] | undefined }) {
  return (
    <SimpleGrid
      cols={{ base: 2, sm: 3, lg: 5 }}
      spacing="md"
      component="ul"
      m={0}
      p={0}
      style={{ listStyle: 'none' }}
    >
      {STATS.map(({ key, label, icon: Icon, color }) => (
        <Paper key={key} component="li" withBorder p="md" radius="md" data-stat={key}>
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <div>
              <Text size="sm" c="dimmed" fw={500}>
                {label}
              </Text>
              {counts ? (
                <Text fz={28} fw={700} lh={1.2} data-testid={`stat-${key}`}>
                  {formatNumber(counts[key])}
                </Text>
              ) : (
                <Skeleton h={30} w={80} mt={4} />
              )}
            </div>
            <ThemeIcon variant="light" color={color} size={38} radius="md" aria-hidden>
              <Icon size={20} />
            </ThemeIcon>
          </Group>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
