import type { LeadReportType } from './lead-report';

/**
 * The names of the lead report's figures, one definition per name, for every place that
 * shows them (the Reports page, the PDF, the mail, Slack). Two "converted" counts exist and
 * both are right: `leads.converted` counts leads marked converted during the period,
 * whenever they were created; `leads.by_status.converted` (and `funnel.converted`) counts
 * the period's new leads whose status is converted now. A week that closes older leads
 * shows more of the first than of the second, so each gets its own name.
 */
export interface LeadFigureLabels {
  /** "this week", "on the day", "in the period". */
  when: string;
  /** `leads.converted`. */
  convertedInPeriod: string;
  convertedInPeriodMeans: string;
  /** `leads.by_status.converted` and `funnel.converted`. */
  newNowConverted: string;
  newNowConvertedMeans: string;
  /** The funnel's and the status chart's step: the leads there are already the new ones. */
  nowConverted: string;
  /** What the status chart and the funnel count. */
  newLeadsScope: string;
  /** One sentence telling the two apart, where there is room for it. */
  note: string;
}

const WHEN: Record<LeadReportType, string> = {
  daily: 'on the day',
  weekly: 'this week',
  custom: 'in the period',
};

export function leadFigureLabels(type: LeadReportType): LeadFigureLabels {
  const when = WHEN[type];
  return {
    when,
    convertedInPeriod: `Converted ${when}`,
    convertedInPeriodMeans: `leads marked converted ${when}, whenever they were created`,
    newNowConverted: 'New leads now converted',
    newNowConvertedMeans: `leads created ${when} whose status is converted now`,
    nowConverted: 'Now converted',
    newLeadsScope: `leads created ${when}, by status now`,
    note: `“Converted ${when}” counts every lead marked converted ${when}, older leads included; the funnel and the status chart follow only the leads created ${when}, so their “Now converted” can be smaller.`,
  };
}

/** `leads.conversion_rate` in words: converted in the period per lead created in it. */
export function conversionRateText(rate: string, type: LeadReportType): string {
  return `${rate} of leads created ${WHEN[type]}`;
}
