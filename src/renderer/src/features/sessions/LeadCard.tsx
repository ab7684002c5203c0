import { Divider, Group, List, Paper, Text, Title } from '@mantine/core';
import type { SessionDetail } from '../../../../shared/contract';
import { PriorityBadge } from '../../components/PriorityBadge';
import { formatAbsolute, formatNumber } from '../../lib/format';
import { InfoList, type InfoItem } from './InfoList';
import classes from './SessionDetail.module.css';

function points(value: number): string {
  return `${value > 0 ? '+' : ''}${formatNumber(value, 1)}`;
}

/** The lead's score and why: reviewers check the reasons before trusting the priority. */
export function LeadCard({ session }: { session: SessionDetail }) {
  const items: InfoItem[] = [
    {
      label: 'Priority',
      value: session.priority ? <PriorityBadge priority={session.priority} /> : null,
    },
    {
      label: 'Lead score',
      value: session.leadScore === null ? null : formatNumber(session.leadScore, 1),
    },
    {
      label: 'Engagement',
      value: session.engagementScore === null ? null : formatNumber(session.engagementScore, 2),
    },
    {
      label: 'Total queries',
      value: session.totalQueries === null ? null : formatNumber(session.totalQueries),
    },
    {
      label: 'First interaction',
      value: session.firstInteractionAt ? formatAbsolute(session.firstInteractionAt) : null,
    },
    {
      label: 'Last interaction',
      value: session.lastInteractionAt ? formatAbsolute(session.lastInteractionAt) : null,
    },
  ];
  if (session.completionStatus)
    items.push({ label: 'Completion', value: session.completionStatus });
  if (session.archiveStatus) items.push({ label: 'Archive', value: session.archiveStatus });

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="lead-title">
      <Title order={3} fz="md" mb="xs" id="lead-title">
        Lead
      </Title>
      <InfoList items={items} emptyText="Not recorded" />
      <Divider my="sm" />
      <Text size="sm" fw={600} mb={4} id="reasons-title">
        Scoring reasons
      </Text>
      {session.scoreReasons.length === 0 ? (
        <Text size="sm" c="dimmed">
          No scoring rules matched this session.
        </Text>
      ) : (
        <List
          size="sm"
          spacing={4}
          aria-labelledby="reasons-title"
          listStyleType="none"
          data-testid="score-reasons"
        >
          {session.scoreReasons.map((reason, i) => (
            <List.Item key={`${reason.rule}-${i}`}>
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <Text
                  size="sm"
                  fw={600}
                  miw={44}
                  ta="right"
                  className={reason.points >= 0 ? classes.pointsUp : classes.pointsDown}
                >
                  {points(reason.points)}
                </Text>
                <Text size="sm">{reason.detail || reason.rule}</Text>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
    </Paper>
  );
}
