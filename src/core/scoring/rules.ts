/**
 * The lead scoring rules, in one table a sales manager can read: what the visitor says
 * (intent), how much they engage, and where the priority thresholds sit. Every point a
 * session earns comes from one row here and is shown to the user as a reason.
 *
 * Intent phrases are regular-expression sources matched case-insensitively on word
 * boundaries, over the visitor's messages only (never the bot's). Each intent counts at
 * most once per session, however often the visitor repeats it.
 */
import type { Priority } from '../../shared/contract';

export interface IntentRule {
  /** Stable id, stored with every reason. */
  rule: string;
  points: number;
  /** The reason's wording, followed by a quote of the visitor's words. */
  says: string;
  phrases: readonly string[];
}

export interface PriorityThreshold {
  priority: Priority;
  /** The lowest lead score that earns this priority. */
  minScore: number;
}

/** Bump when a rule or threshold changes, so the next sync re-scores every session once. */
export const SCORING_VERSION = 1;

export const intentRules: readonly IntentRule[] = [
  {
    rule: 'pricing',
    points: 6,
    says: 'asked about pricing',
    phrases: [
      'prices?',
      'priced',
      'pricing',
      'costs?',
      'costing',
      'how much',
      'quotes?',
      'quotations?',
      'charges?',
      'fees?',
      'discounts?',
      'budget',
      'payment terms',
      'rate card',
    ],
  },
  {
    rule: 'demo',
    points: 6,
    says: 'asked for a demo, trial or call',
    phrases: [
      'demos?',
      'demonstration',
      'trials?',
      '(?:call|ring|phone) me',
      '(?:schedule|book|arrange|set up|have) (?:a |an )?(?:call|meeting|demo)',
      '(?:talk|speak) (?:to|with) (?:someone|somebody|a person|a human|sales|your team|an expert)',
      'call ?back',
    ],
  },
  {
    rule: 'buying',
    points: 5,
    says: 'showed buying intent',
    phrases: [
      'purchas(?:e|es|ed|ing)',
      'buy(?:ing)?',
      'sign(?:ing)? up',
      'sign (?:for|the)',
      'contracts?',
      'onboard(?:ing)?',
      'get started',
      'place (?:an |the )?order',
    ],
  },
  {
    rule: 'urgency',
    points: 5,
    says: 'is in a hurry',
    phrases: [
      'urgent(?:ly)?',
      'asap',
      'as soon as possible',
      'this week',
      'deadlines?',
      'immediately',
      'right away',
      'today',
    ],
  },
];

/** Contact details typed into the chat, or given in the form (user_data_collected). */
export const contactRule = {
  rule: 'contact',
  points: 4,
  says: 'gave contact details',
  email: /[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/i,
  /** A run of digits and separators; it counts as a phone number with 10 to 15 digits. */
  phone: /\+?\d[\d\s().-]{8,}\d/,
  phoneDigits: { min: 10, max: 15 },
} as const;

/**
 * Engagement: points for how much the visitor talks and how quickly they answer. The
 * engagement score (0-10) is the share of the available engagement points a session
 * earned; reply latency only counts where messages carry timestamps (web chat).
 */
export const engagementRules = {
  turns: { rule: 'turns', pointsPerMessage: 1, maxPoints: 10 },
  words: { rule: 'words', wordsPerPoint: 40, maxPoints: 4 },
  latency: {
    rule: 'latency',
    /** Fastest tier first; the median reply time picks the first tier it fits. */
    tiers: [
      { withinSeconds: 30, points: 3, says: 'replies quickly' },
      { withinSeconds: 120, points: 1, says: 'replies promptly' },
    ],
  },
} as const;

/** Highest first; the first threshold a score reaches is its priority. */
export const priorityThresholds: readonly PriorityThreshold[] = [
  { priority: 'critical', minScore: 32 },
  { priority: 'high', minScore: 18 },
  { priority: 'medium', minScore: 9 },
  { priority: 'low', minScore: 0 },
];
