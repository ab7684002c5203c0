import { Divider, Group, Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { SessionDetail } from '../../../../shared/contract';
import { PriorityBadge } from '../../components/PriorityBadge';
import { formatAbsolute, formatNumber } from '../../lib/format';
import { InfoList, type InfoItem } from './InfoList';
import { ScoreReasons } from './ScoreReasons';
import classes from './SessionDetail.module.css';

/** The lead's score and why: reviewers check the reasons before trusting the priority. */
export function LeadCard({ session }: { session: SessionDetail }) {
  const items: InfoItem[] = [
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
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={3} fz="md" id="lead-title">
          Lead
        </Title>
        <Group gap={6} wrap="nowrap" data-testid="lead-priority">
          <Text size="xs" c="dimmed" component="span">
            Priority
          </Text>
          {session.priority ? (
            <PriorityBadge priority={session.priority} />
          ) : (
            <Text size="sm" c="dimmed" fs="italic" component="span">
              Not scored
            </Text>
          )}
        </Group>
      </Group>
      <dl className={classes.scoreTiles} data-testid="lead-scores">
        <ScoreTile label="Lead score" testId="lead-score">
          {session.leadScore === null ? null : formatNumber(session.leadScore, 1)}
        </ScoreTile>
        <ScoreTile label="Engagement" testId="engagement-score">
          {session.engagementScore === null ? null : formatNumber(session.engagementScore, 2)}
        </ScoreTile>
      </dl>
      <InfoList items={items} emptyText="Not recorded" />
      <Divider my="sm" />
      <Text size="sm" fw={600} mb={4} id="reasons-title">
        Scoring reasons
      </Text>
      <ScoreReasons reasons={session.scoreReasons} />
    </Paper>
  );
}

/** One of the two numbers a manager reads first, with "—" when the source gave none. */
function ScoreTile({
  label,
  children,
  testId,
}: {
  label: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <div className={classes.scoreTile}>
      <Text component="dt" size="xs" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} fz="lg" fw={700} lh={1.4} data-testid={testId}>
        {children ?? (
          <Text component="span" c="dimmed" fz="sm" fw={400} title="Not recorded">
            —
          </Text>
        )}
      </Text>
    </div>
  );
}
