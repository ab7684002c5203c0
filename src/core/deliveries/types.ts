import type { DeliveryMethod, DeliveryStatus } from '../../shared/deliveries';
import type { LeadReportParams } from '../../shared/lead-report';
import type { ReportMessage } from '../delivery/notifier';

/**
 * What one delivery sends, fixed when its row is claimed and stored with it: a retry after
 * a crash, or by another instance, sends exactly what was claimed.
 */
export interface DeliveryRequest {
  trigger: 'schedule' | 'manual';
  /** For a manual send of a subscription too (its row is not the period's claim). */
  subscriptionId: number | null;
  params: LeadReportParams;
  templateId: number | null;
  method: DeliveryMethod;
  skipWhenEmpty: boolean;
  /** The subscription's created_by: told by mail after the last failed try, if an address. */
  owner: string | null;
  maxAttempts: number;
}

/** The report content, built once per attempt and handed to whichever channel sends it. */
export interface ProducedReport {
  /** The report JSON (`LeadReport`), kept with the delivery and posted to webhooks. */
  report: unknown;
  /** Nothing happened in the period: with skip-when-empty, nothing is sent. */
  isEmpty: boolean;
  /** The mail: subject, text, HTML summary, the PDF attached. */
  message: ReportMessage;
  /** Slack's readable message with the headline numbers. */
  slackText: string;
  slackBlocks?: unknown[];
  /** Where the PDF is kept in the data dir's reports/ folder, when there is one. */
  pdfPath: string | null;
}

/**
 * Computes and renders a report. Injected, so the delivery machinery does not depend on
 * how the report is built (core wires the lead report; tests a fixture).
 */
export interface ReportProducer {
  produce(request: Pick<DeliveryRequest, 'params' | 'templateId'>): Promise<ProducedReport>;
}

export interface DeliveryRow {
  id: number;
  subscription_id: number | null;
  period_start: string;
  period_end: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: string | null;
  lease_until: string | null;
  lease_token: string | null;
  error: string | null;
  report_json: string | null;
  pdf_path: string | null;
  request: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface RecipientRow {
  delivery_id: number;
  recipient: string;
  status: 'pending' | 'sent' | 'failed';
  error: string | null;
  updated_at: string;
}

export function requestOf(row: DeliveryRow): DeliveryRequest {
  if (!row.request) throw new Error(`Delivery ${row.id} has no request`);
  return JSON.parse(row.request) as DeliveryRequest;
}
