/**
 * Scores one chat session with the rules table: pure, no I/O, so the sync, the demo
 * seeder and the tests all get the same answer for the same transcript.
 */
import type { Priority } from '../../shared/contract';
import { priorityForScore } from './priority';
import { contactRule, engagementRules, intentRules, type IntentRule } from './rules';

export interface ScoreMessage {
  sender: 'user' | 'bot';
  text: string;
  /** ISO 8601; only web chat messages carry one. */
  sentAt?: string | null;
}

export interface ScoreInput {
  messages: readonly ScoreMessage[];
  userDataCollected: boolean;
  email?: string | null;
  phone?: string | null;
}

export interface ScoreReason {
  rule: string;
  points: number;
  detail: string;
}

export interface LeadScore {
  /** The sum of the reasons' points. */
  leadScore: number;
  /** 0-10: the share of the available engagement points the session earned. */
  engagementScore: number;
  /** Non-empty visitor messages. */
  totalQueries: number;
  priority: Priority;
  reasons: ScoreReason[];
}

interface CompiledRule extends IntentRule {
  pattern: RegExp;
}

// One alternation per rule: a message costs one regex test per rule not yet matched. A
// space in a phrase matches any run of whitespace, so raw text needs no normalising.
const compiledRules: readonly CompiledRule[] = intentRules.map((r) => ({
  ...r,
  pattern: new RegExp(`\\b(?:${r.phrases.join('|').replace(/ /g, '\\s+')})\\b`, 'i'),
}));

const phonePattern = new RegExp(contactRule.phone.source, 'g');

const QUOTE_MAX = 80;

export function scoreSession(input: ScoreInput): LeadScore {
  const hits = new Map<string, ScoreReason>();
  let chatContact: string | null = null;
  let visitorMessages = 0;
  let words = 0;
  const replySeconds: number[] = [];
  let previous: ScoreMessage | undefined;

  for (const m of input.messages) {
    if (m.sender === 'user') {
      const count = wordCount(m.text);
      if (count > 0) {
        visitorMessages += 1;
        words += count;
        for (const rule of compiledRules) {
          if (hits.has(rule.rule)) continue;
          const match = rule.pattern.exec(m.text);
          if (match) hits.set(rule.rule, intentReason(rule, m.text, match));
        }
        chatContact ??= contactInText(m.text);
        const latency = replyLatency(previous, m);
        if (latency !== null) replySeconds.push(latency);
      }
    }
    previous = m;
  }

  const reasons: ScoreReason[] = [];
  // Table order, not transcript order: the same session always lists its reasons alike.
  for (const rule of compiledRules) {
    const hit = hits.get(rule.rule);
    if (hit) reasons.push(hit);
  }
  const contact = contactReason(input, chatContact);
  if (contact) reasons.push(contact);
  const engagement = engagementReasons(visitorMessages, words, replySeconds);
  reasons.push(...engagement.reasons);

  const leadScore = reasons.reduce((n, r) => n + r.points, 0);
  return {
    leadScore,
    engagementScore: engagement.score,
    totalQueries: visitorMessages,
    priority: priorityForScore(leadScore),
    reasons,
  };
}

/** Whitespace-separated words, counted without allocating (this runs for every message). */
function wordCount(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 0x2028 || c === 0x3000;
    if (!space && !inWord) count += 1;
    inWord = !space;
  }
  return count;
}

function intentReason(rule: IntentRule, text: string, match: RegExpExecArray): ScoreReason {
  return {
    rule: rule.rule,
    points: rule.points,
    detail: `${rule.says}: "${excerpt(text, match.index, match[0].length)}"`,
  };
}

/**
 * The visitor's message on one line, or a window of it around the match, cut at word
 * boundaries.
 */
export function excerpt(text: string, index: number, length: number, max = QUOTE_MAX): string {
  // Flatten the text before and after the match separately, so the match keeps its place.
  const before = text.slice(0, index).replace(/\s+/g, ' ').trimStart();
  const hit = text.slice(index, index + length).replace(/\s+/g, ' ');
  const flat = `${before}${hit}${text.slice(index + length).replace(/\s+/g, ' ')}`.trimEnd();
  return window(flat, before.length, hit.length, max);
}

function window(flat: string, index: number, length: number, max: number): string {
  if (flat.length <= max) return flat;
  let start = Math.max(0, index - Math.floor((max - length) / 2));
  let end = Math.min(flat.length, start + max);
  start = Math.max(0, end - max);
  if (start > 0) {
    const space = flat.indexOf(' ', start);
    if (space !== -1 && space < index) start = space + 1;
  }
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end);
    if (space > index + length) end = space;
  }
  return `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`;
}

/** A quote of the message when it holds an email address or a phone number. */
function contactInText(text: string): string | null {
  // The cheap test first: the address pattern backtracks at every position it tries.
  const email = text.includes('@') ? contactRule.email.exec(text) : null;
  if (email) return excerpt(text, email.index, email[0].length);
  const { min, max } = contactRule.phoneDigits;
  for (const phone of text.matchAll(phonePattern)) {
    const digits = phone[0].replace(/\D/g, '').length;
    if (digits >= min && digits <= max) return excerpt(text, phone.index, phone[0].length);
  }
  return null;
}

function contactReason(input: ScoreInput, chatQuote: string | null): ScoreReason | null {
  const given = [input.email?.trim() ? 'email' : null, input.phone?.trim() ? 'phone' : null].filter(
    (g) => g !== null,
  );
  const { rule, points, says } = contactRule;
  // The form is the stronger signal; a session earns the points once either way.
  if (input.userDataCollected && given.length > 0) {
    return { rule, points, detail: `${says} in the form (${given.join(' and ')})` };
  }
  if (chatQuote !== null) return { rule, points, detail: `${says}: "${chatQuote}"` };
  return null;
}

function replyLatency(previous: ScoreMessage | undefined, m: ScoreMessage): number | null {
  if (previous?.sender !== 'bot' || !previous.sentAt || !m.sentAt) return null;
  const seconds = (Date.parse(m.sentAt) - Date.parse(previous.sentAt)) / 1000;
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const hi = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? hi : ((sorted[mid - 1] ?? hi) + hi) / 2;
}

function engagementReasons(
  messages: number,
  words: number,
  replySeconds: readonly number[],
): { reasons: ScoreReason[]; score: number } {
  const { turns, words: wordRule, latency } = engagementRules;
  const reasons: ScoreReason[] = [];
  const turnPoints = Math.min(turns.maxPoints, messages * turns.pointsPerMessage);
  if (turnPoints > 0) {
    reasons.push({
      rule: turns.rule,
      points: turnPoints,
      detail: `${messages} ${messages === 1 ? 'message' : 'messages'} from the visitor`,
    });
  }
  const wordPoints = Math.min(wordRule.maxPoints, Math.floor(words / wordRule.wordsPerPoint));
  if (wordPoints > 0) {
    reasons.push({
      rule: wordRule.rule,
      points: wordPoints,
      detail: `${words} words from the visitor`,
    });
  }
  let available = turns.maxPoints + wordRule.maxPoints;
  if (replySeconds.length > 0) {
    available += latency.tiers[0]?.points ?? 0;
    const typical = median(replySeconds);
    const tier = latency.tiers.find((t) => typical <= t.withinSeconds);
    if (tier) {
      reasons.push({
        rule: latency.rule,
        points: tier.points,
        detail: `${tier.says}: median reply ${formatSeconds(typical)} after the bot`,
      });
    }
  }
  const earned = reasons.reduce((n, r) => n + r.points, 0);
  const score = messages === 0 ? 0 : Math.round((100 * earned) / available) / 10;
  return { reasons, score };
}

function formatSeconds(seconds: number): string {
  return seconds < 90 ? `${Math.round(seconds)} s` : `${Math.round(seconds / 60)} min`;
}
