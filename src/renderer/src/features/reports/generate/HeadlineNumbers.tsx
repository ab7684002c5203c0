import { Badge, Group, Paper, SimpleGrid, Text, VisuallyHidden } from '@mantine/core';
import type { LeadReport } from '../../../../../shared/lead-report';
import { formatNumber } from '../../../lib/format';
import { formatDuration, formatRate } from '../shared/format-report';

type Trend = LeadReport['trends'][keyof LeadReport['trends']];

interface Figure {
  label: string;
  value: string;
  detail: string;
  trend?: Trend;
}

function figures(r: LeadReport): Figure[] {
  return [
    {
      label: 'Leads created',
      value: formatNumber(r.leads.created),
      detail: `${formatNumber(r.previous.leads.created)} in the previous period`,
      trend: r.trends.leads_created,
    },
    {
      label: 'Converted',
      value: formatNumber(r.leads.converted),
      detail: `Conversion rate ${formatRate(r.leads.conversion_rate)}`,
      trend: r.trends.converted,
    },
    {
      label: 'Calls',
      value: formatNumber(r.calls.total),
      detail: `${formatNumber(r.calls.by_status.completed)} completed, ${formatNumber(r.calls.by_status.missed)} missed`,
      trend: r.trends.calls_total,
    },
    {
      label: 'Call success rate',
      value: formatRate(r.calls.success_rate),
      detail: `Average call ${formatDuration(r.calls.avg_duration_s)}`,
      trend: r.trends.success_rate,
    },
  ];
}

const arrow = { up: '▲', down: '▼', flat: '▶' } as const;
const spoken = { up: 'up', down: 'down', flat: 'about the same,' } as const;
const trendColor = { up: 'teal.9', down: 'red.8', flat: 'gray.7' } as const;

function TrendBadge({ trend }: { trend: Trend }) {
  if (trend.change_pct === null) return null;
  const sign = trend.change_pct > 0 ? '+' : '';
  return (
    <Badge size="sm" variant="filled" color={trendColor[trend.direction]}>
      <span aria-hidden>
        {arrow[trend.direction]} {sign}
        {formatNumber(trend.change_pct, 1)} %
      </span>
      <VisuallyHidden>
        {`${spoken[trend.direction]} ${sign}${formatNumber(trend.change_pct, 1)} % on the previous period`}
      </VisuallyHidden>
    </Badge>
  );
}

/** The report's headline figures, with the change on the period before. */
export function HeadlineNumbers({ report }: { report: LeadReport }) {
  return (
    <SimpleGrid
      cols={{ base: 1, xs: 2, md: 4 }}
      spacing="sm"
      component="dl"
      m={0}
      data-testid="report-headlines"
    >
      {figures(report).map((f) => (
        <Paper key={f.label} withBorder radius="md" p="sm">
          <Text component="dt" size="xs" c="dimmed" fw={600}>
            {f.label}
          </Text>
          <Text component="dd" m={0}>
            <Group gap={8} align="baseline" wrap="nowrap">
              <Text component="span" fz={26} fw={700} data-testid="headline-value">
                {f.value}
              </Text>
              {f.trend && <TrendBadge trend={f.trend} />}
            </Group>
            <Text component="span" size="xs" c="dimmed" display="block">
              {f.detail}
            </Text>
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
