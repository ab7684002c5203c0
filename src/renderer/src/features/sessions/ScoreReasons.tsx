import { Table, Text } from '@mantine/core';
import type { SessionDetail } from '../../../../shared/contract';
import { formatNumber } from '../../lib/format';
import classes from './SessionDetail.module.css';

type Reason = SessionDetail['scoreReasons'][number];

export function formatPoints(value: number): string {
  return `${value > 0 ? '+' : ''}${formatNumber(value, 1)}`;
}

/**
 * Why the lead scored what it did, one row per rule that matched: reviewers check these
 * before trusting a priority. The rule's name is the key into core's scoring table.
 */
export function ScoreReasons({ reasons }: { reasons: Reason[] }) {
  if (reasons.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="score-reasons-empty">
        No scoring rules matched this session.
      </Text>
    );
  }
  return (
    <Table
      aria-labelledby="reasons-title"
      data-testid="score-reasons"
      verticalSpacing={6}
      horizontalSpacing={6}
      withRowBorders
      layout="fixed"
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={58} ta="right">
            <Text size="xs" fw={600} c="dimmed" component="span">
              Points
            </Text>
          </Table.Th>
          <Table.Th>
            <Text size="xs" fw={600} c="dimmed" component="span">
              Reason
            </Text>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {reasons.map((reason, i) => (
          <Table.Tr key={`${reason.rule}-${i}`} data-rule={reason.rule}>
            <Table.Td ta="right" valign="top">
              <Text
                size="sm"
                fw={700}
                className={reason.points >= 0 ? classes.pointsUp : classes.pointsDown}
                data-testid="reason-points"
              >
                {formatPoints(reason.points)}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" className={classes.reasonDetail}>
                {reason.detail || reason.rule}
              </Text>
              {reason.detail && (
                <Text size="xs" c="dimmed" ff="monospace" data-testid="reason-rule">
                  {reason.rule}
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
