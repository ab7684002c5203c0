import { DateTime } from 'luxon';
import type { Priority, SessionDetail } from '../../../shared/contract';
import { breakParts } from '../../render/break-points';

export interface SessionReportOptions {
  botName: string;
  /** IANA zone the reader lives in (REPORT_TIMEZONE); an unknown name falls back to UTC. */
  timezone: string;
  generatedAt: Date | string;
  /** Another templates folder (custom templates, tests); default: the app's own. */
  templatesDir?: string;
}

interface Field {
  label: string;
  value: string | null;
  /** `value` cut where a line may break (an e-mail address before "@" and after dots). */
  parts: string[];
}

function field(label: string, value: string | null): Field {
  return { label, value, parts: value ? breakParts(value) : [] };
}

export interface TranscriptLine {
  rowClass: 'msg-user' | 'msg-bot';
  speaker: string;
  time: string | null;
  text: string;
}

/**
 * Everything the template shows, already formatted: the template only prints and loops
 * (logic-less), and every value here is plain text that Handlebars escapes on output.
 */
export interface SessionReportView {
  title: string;
  botName: string;
  sessionId: string;
  source: string;
  generatedAt: string;
  timezoneNote: string;
  visitorName: string;
  priority: string | null;
  priorityClass: string;
  userFields: Field[];
  leadFields: Field[];
  reasons: { rule: string; points: string; detail: string }[];
  messageCount: number;
  messages: TranscriptLine[];
}

const SOURCE_LABEL: Record<SessionDetail['source'], string> = {
  redis: 'Chatbot (Redis)',
  postgres: 'Web chat (PostgreSQL)',
  demo: 'Demo data',
};

/** The zone times are shown in: the configured one when Luxon knows it, else UTC. */
export function reportZone(timezone: string): string {
  return timezone && DateTime.now().setZone(timezone).isValid ? timezone : 'UTC';
}

function at(iso: string | null, zone: string): DateTime | null {
  if (!iso) return null;
  // Stored times are ISO in UTC; a value without a zone is read as UTC, as the sync does.
  const dt = DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone);
  return dt.isValid ? dt : null;
}

const FULL = 'd LLL yyyy, HH:mm:ss';

function full(iso: string | null, zone: string): string | null {
  return at(iso, zone)?.toFormat(FULL, { locale: 'en-GB' }) ?? null;
}

function num(n: number | null, digits = 0): string | null {
  if (n === null || !Number.isFinite(n)) return null;
  return n.toLocaleString('en-GB', { maximumFractionDigits: digits });
}

export function visitorLabel(session: Pick<SessionDetail, 'visitorName'>): string {
  const name = session.visitorName?.replace(/\s+/g, ' ').trim();
  return name ? name : 'Anonymous visitor';
}

export function buildView(session: SessionDetail, opts: SessionReportOptions): SessionReportView {
  const zone = reportZone(opts.timezone);
  const generated = DateTime.fromJSDate(new Date(opts.generatedAt)).setZone(zone);
  const botName = opts.botName.trim() || 'Chatbot';
  const userCount = session.messages.filter((m) => m.sender === 'user').length;
  const queries = session.totalQueries ?? userCount;
  // One day's chat shows clock times; a chat over several days needs the date on each line.
  const days = new Set(session.messages.map((m) => at(m.sentAt, zone)?.toISODate() ?? null));
  days.delete(null);
  const lineFormat = days.size > 1 ? 'd LLL, HH:mm:ss' : 'HH:mm:ss';
  return {
    title: `${botName} Session Report - ${visitorLabel(session)}`,
    botName,
    sessionId: session.sourceId,
    source: SOURCE_LABEL[session.source],
    generatedAt: generated.toFormat(`${FULL} 'UTC'ZZ`, { locale: 'en-GB' }),
    timezoneNote: `Times are shown in ${zone} (UTC${generated.toFormat('ZZ')}).`,
    visitorName: visitorLabel(session),
    priority: session.priority ? session.priority.toUpperCase() : null,
    priorityClass: priorityClass(session.priority),
    userFields: [
      field('Name', session.visitorName),
      field('Email', session.email),
      field('Phone', session.phone),
      field('Organization', session.organization ?? session.company),
    ],
    leadFields: [
      field('Lead score', num(session.leadScore, 1)),
      field('Engagement', num(session.engagementScore, 1)),
      field('Queries', num(queries)),
      field('Messages', num(session.messages.length)),
      field('First interaction', full(session.firstInteractionAt ?? session.startedAt, zone)),
      field('Last interaction', full(session.lastInteractionAt, zone)),
    ],
    reasons: session.scoreReasons.map((r) => ({
      rule: r.rule,
      points: `${r.points > 0 ? '+' : ''}${num(r.points, 1) ?? '0'}`,
      detail: r.detail,
    })),
    messageCount: session.messages.length,
    messages: session.messages.map((m) => ({
      rowClass: m.sender === 'user' ? 'msg-user' : 'msg-bot',
      speaker: m.sender === 'user' ? 'User' : 'Bot',
      time: at(m.sentAt, zone)?.toFormat(lineFormat, { locale: 'en-GB' }) ?? null,
      text: m.text,
    })),
  };
}

function priorityClass(priority: Priority | null): string {
  return priority ? `priority-${priority}` : 'priority-none';
}
