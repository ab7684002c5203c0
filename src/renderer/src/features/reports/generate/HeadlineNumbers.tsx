import { Badge, Group, Paper, SimpleGrid, Stack, Text, VisuallyHidden } from '@mantine/core';
import type { LeadReport } from '../../../../../shared/lead-report';
import { conversionRateText, leadFigureLabels } from '../../../../../shared/lead-report-labels';
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
  const names = leadFigureLabels(r.report_type);
  const nowConverted = r.leads.by_status.converted;
  return [
    {
      label: 'Leads created',
      value: formatNumber(r.leads.created),
      detail: `${formatNumber(nowConverted)} now converted${r.leads.created ? ` (${formatRate(nowConverted / r.leads.created)})` : ''}; ${formatNumber(r.previous.leads.created)} in the previous period`,
      trend: r.trends.leads_created,
    },
    {
      label: names.convertedInPeriod,
      value: formatNumber(r.leads.converted),
      detail: `${conversionRateText(formatRate(r.leads.conversion_rate), r.report_type)}, older leads included`,
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
    <Stack gap={6}>
      <HeadlineGrid report={report} />
      <Text size="xs" c="dimmed" data-testid="converted-note">
        {leadFigureLabels(report.report_type).note}
      </Text>
    </Stack>
  );
}

function HeadlineGrid({ report }: { report: LeadReport }) {
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
