import { describe, expect, it } from 'vitest';
import { priorityForScore, priorityRank } from './priority';
import { contactRule, engagementRules, intentRules, priorityThresholds } from './rules';
import { excerpt, scoreSession, type ScoreMessage } from './score';

const user = (text: string, sentAt?: string): ScoreMessage => ({ sender: 'user', text, sentAt });
const bot = (text: string, sentAt?: string): ScoreMessage => ({ sender: 'bot', text, sentAt });
const anonymous = { userDataCollected: false, email: null, phone: null };
const points = (rule: string) => intentRules.find((r) => r.rule === rule)?.points ?? NaN;

function score(messages: ScoreMessage[], extra: Partial<typeof anonymous> = {}) {
  return scoreSession({ ...anonymous, ...extra, messages });
}
const reason = (messages: ScoreMessage[], rule: string) =>
  score(messages).reasons.find((r) => r.rule === rule);

describe('scoreSession', () => {
  it('scores an empty session as low with no reasons', () => {
    expect(score([])).toEqual({
      leadScore: 0,
      engagementScore: 0,
      totalQueries: 0,
      priority: 'low',
      reasons: [],
    });
    // Blank visitor lines are not queries.
    expect(score([user('   '), bot('Hello?')]).totalQueries).toBe(0);
  });

  it.each([
    ['pricing', 'How much does it cost?', 'asked about pricing: "How much does it cost?"'],
    ['pricing', 'can you send a quote for 40 tonnes', 'asked about pricing: "can you send a quote'],
    ['demo', 'Can we schedule a demo next week', 'asked for a demo, trial or call: "Can we'],
    ['demo', "I'd like to talk to someone from your team", 'asked for a demo, trial or call'],
    ['demo', 'please call me tomorrow', 'asked for a demo, trial or call: "please call me'],
    ['buying', 'We want to sign up for the annual plan', 'showed buying intent: "We want to sign'],
    ['buying', 'ready to purchase 50 tonnes', 'showed buying intent'],
    ['buying', 'send the contract over', 'showed buying intent'],
    ['buying', 'how does onboarding work', 'showed buying intent'],
    ['urgency', 'this is urgent', 'is in a hurry: "this is urgent"'],
    ['urgency', 'need it ASAP', 'is in a hurry'],
    ['urgency', 'we need credits this week', 'is in a hurry'],
    ['urgency', 'our deadline is the 30th', 'is in a hurry'],
  ])('rule %s fires on %j and quotes the visitor', (rule, text, detail) => {
    const r = reason([bot('Hi!'), user(text)], rule);
    expect(r?.points).toBe(points(rule));
    expect(r?.detail.startsWith(detail)).toBe(true);
    expect(r?.detail).toContain(`"${text.slice(0, 10)}`);
  });

  it('ignores words that only look like a rule', () => {
    const s = score([
      user('what is the recycling rate for category 2'),
      user('the costume party was fun'),
      user('we demolished the old plant'),
    ]);
    expect(s.reasons.map((r) => r.rule)).toEqual(['turns']);
  });

  it("counts only the visitor's messages, never the bot's", () => {
    const s = score([
      bot('Our pricing starts at Rs 25,000. Want a demo? Sign up today, it is urgent!'),
      user('ok thanks'),
    ]);
    expect(s.reasons.map((r) => r.rule)).toEqual(['turns']);
  });

  it('counts each intent once however often the visitor repeats it', () => {
    const s = score([
      user('what is the price?'),
      bot('…'),
      user('and the price for 2 years? any discount on the cost?'),
      bot('…'),
      user('ok, what about pricing for category 3'),
    ]);
    const pricing = s.reasons.filter((r) => r.rule === 'pricing');
    expect(pricing).toHaveLength(1);
    expect(pricing[0]?.detail).toBe('asked about pricing: "what is the price?"');
    expect(s.leadScore).toBe(points('pricing') + 3);
  });

  it('lets one message earn several different intents', () => {
    const s = score([user('Urgent: need a quote and a demo this week, ready to purchase')]);
    expect(s.reasons.map((r) => r.rule)).toEqual(['pricing', 'demo', 'buying', 'urgency', 'turns']);
    const intents = s.reasons.filter((r) => r.rule !== 'turns');
    expect(intents.every((r) => r.detail.includes('"Urgent: need a quote'))).toBe(true);
  });

  it('finds contact details typed into the chat', () => {
    const email = reason([user('mail me at priya.s@acme-foods.in please')], 'contact');
    expect(email).toEqual({
      rule: 'contact',
      points: contactRule.points,
      detail: 'gave contact details: "mail me at priya.s@acme-foods.in please"',
    });
    expect(reason([user('You can reach me at +91 98653 42187')], 'contact')?.points).toBe(4);
    expect(reason([user('call 555-123-4567 after lunch')], 'contact')).toBeDefined();
    // Dates, prices and short numbers are not phone numbers.
    expect(reason([user('filed on 2025-01-14 for Rs 12,34,567')], 'contact')).toBeUndefined();
    expect(reason([user('we make 1500 tonnes, order 20250114')], 'contact')).toBeUndefined();
    // A short number first does not hide a phone number later in the message.
    expect(reason([user('PO 12345, call +44 20 7946 0958')], 'contact')).toBeDefined();
  });

  it('counts form contact details once, even when the chat repeats them', () => {
    const s = scoreSession({
      messages: [user('my email is a@b.co')],
      userDataCollected: true,
      email: 'a@b.co',
      phone: '9865342187',
    });
    const contact = s.reasons.filter((r) => r.rule === 'contact');
    expect(contact).toEqual([
      { rule: 'contact', points: 4, detail: 'gave contact details in the form (email and phone)' },
    ]);
    // A form that was never submitted does not count, even with stale fields.
    const notCollected = scoreSession({
      messages: [],
      userDataCollected: false,
      email: 'a@b.co',
      phone: null,
    });
    expect(notCollected.reasons).toEqual([]);
    const phoneOnly = scoreSession({
      messages: [],
      userDataCollected: true,
      email: '',
      phone: '9865342187',
    });
    expect(phoneOnly.reasons[0]?.detail).toBe('gave contact details in the form (phone)');
  });

  it('scores engagement from turns and words, capped', () => {
    const one = score([user('hi')]);
    expect(one.reasons).toEqual([
      { rule: 'turns', points: 1, detail: '1 message from the visitor' },
    ]);
    expect(one.totalQueries).toBe(1);

    const many = Array.from({ length: 25 }, (_, i) => user(`question ${i} ${'word '.repeat(20)}`));
    const s = score(many);
    expect(s.totalQueries).toBe(25);
    expect(s.reasons).toEqual([
      {
        rule: 'turns',
        points: engagementRules.turns.maxPoints,
        detail: '25 messages from the visitor',
      },
      {
        rule: 'words',
        points: engagementRules.words.maxPoints,
        detail: '550 words from the visitor',
      },
    ]);
    // Without timestamps, turns and words are all the engagement there is: full marks.
    expect(s.engagementScore).toBe(10);
  });

  it('scores reply latency only where timestamps exist, from the median reply', () => {
    const t = (s: number) => new Date(Date.UTC(2025, 0, 1, 12, 0, s)).toISOString();
    const quick = score([
      bot('Hi', t(0)),
      user('hello', t(10)),
      bot('?', t(12)),
      user('ok', t(40)),
    ]);
    expect(quick.reasons.at(-1)).toEqual({
      rule: 'latency',
      points: 3,
      detail: 'replies quickly: median reply 19 s after the bot',
    });
    const slow = score([bot('Hi', t(0)), user('hello', t(50))]);
    expect(slow.reasons.at(-1)?.rule).toBe('latency');
    expect(slow.reasons.at(-1)?.points).toBe(1);
    const verySlow = score([
      bot('Hi', '2025-01-01T12:00:00.000Z'),
      user('hello', '2025-01-01T12:10:00.000Z'),
    ]);
    expect(verySlow.reasons.map((r) => r.rule)).toEqual(['turns']);
    // Latency was measurable but earned nothing: engagement is out of 17, not 14.
    expect(verySlow.engagementScore).toBe(Math.round(100 / 17) / 10);
    // A visitor writing twice in a row, or times missing, measures nothing.
    const untimed = score([bot('Hi'), user('hello', t(3)), user('again', t(4))]);
    expect(untimed.reasons.map((r) => r.rule)).toEqual(['turns']);
  });

  it('makes the lead score the sum of its reasons and maps it to a priority', () => {
    const s = scoreSession({
      messages: [
        user('Hello, how much for 200 tonnes?'),
        bot('About Rs 40 lakh.'),
        user('We need it urgently, can we book a call today?'),
        bot('Sure.'),
        user('We are ready to sign the contract'),
      ],
      userDataCollected: true,
      email: 'x@y.com',
      phone: null,
    });
    expect(s.reasons.map((r) => r.rule)).toEqual([
      'pricing',
      'demo',
      'buying',
      'urgency',
      'contact',
      'turns',
    ]);
    expect(s.leadScore).toBe(s.reasons.reduce((n, r) => n + r.points, 0));
    expect(s.leadScore).toBe(6 + 6 + 5 + 5 + 4 + 3);
    expect(s.priority).toBe('high');
  });

  it('applies the thresholds at their exact boundaries', () => {
    for (const t of priorityThresholds) {
      expect(priorityForScore(t.minScore)).toBe(t.priority);
      if (t.minScore > 0) expect(priorityForScore(t.minScore - 0.5)).not.toBe(t.priority);
    }
    expect(priorityForScore(1_000)).toBe('critical');
    expect(priorityRank(null)).toBeLessThan(priorityRank('low'));
    expect(priorityRank('high')).toBeLessThan(priorityRank('critical'));
  });

  it('reaches critical for a visitor who shows every signal and engages', () => {
    const s = scoreSession({
      messages: [
        user('What is the price per tonne? We have a deadline this month and need a quote'),
        bot('…'),
        user('Can we schedule a demo, and what does onboarding look like once we purchase?'),
        ...Array.from({ length: 8 }, () => user('one more detail about our packaging volumes')),
      ],
      userDataCollected: true,
      email: 'buyer@corp.com',
      phone: '+1 555 123 4567',
    });
    expect(s.leadScore).toBeGreaterThanOrEqual(32);
    expect(s.priority).toBe('critical');
  });
});

describe('excerpt', () => {
  it('puts a multi-line message on one line, keeping the match in place', () => {
    const text = 'Hello,\n\n  what is   the\nprice?';
    expect(excerpt(text, text.indexOf('price'), 5)).toBe('Hello, what is the price?');
    expect(score([user(text)]).reasons[0]?.detail).toBe(
      'asked about pricing: "Hello, what is the price?"',
    );
    // Phrases match across any whitespace.
    expect(reason([user('how\nmuch is it')], 'pricing')).toBeDefined();
  });

  it('quotes short messages whole and long ones around the match', () => {
    expect(excerpt('short one', 0, 5)).toBe('short one');
    const long =
      `${'lorem ipsum '.repeat(10)}how much does it cost ${'dolor sit '.repeat(10)}`.trim();
    const q = excerpt(long, long.indexOf('how much'), 8);
    expect(q).toContain('how much does it cost');
    expect(q.startsWith('…')).toBe(true);
    expect(q.endsWith('…')).toBe(true);
    expect(q.length).toBeLessThanOrEqual(82);
  });
});
