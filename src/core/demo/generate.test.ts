import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { demoSizes, demoStreams, generateDemo } from './generate';
import { sourceTimeToIso } from './time';
import type { DemoData } from './types';

const now = new Date('2025-06-10T14:00:00.000Z');
const nowMs = now.getTime();
const DAY = 86_400_000;
const small = generateDemo({ seed: 42, size: 'small', now });
const standard = generateDemo({ seed: 42, size: 'standard', now });
const ms = (iso: string) => Date.parse(iso);

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
}

function expectCounts(data: DemoData, size: 'small' | 'standard') {
  const c = demoSizes[size];
  expect(data.counts).toEqual(c);
  expect(data.chatSessions).toHaveLength(c.chatSessions);
  expect(data.webChats).toHaveLength(c.webChatSessions);
  expect(data.gymLeads).toHaveLength(c.gymLeads);
  expect(data.callLogs).toHaveLength(c.callLogs);
  expect(data.shopUsers).toHaveLength(c.shopUsers);
  expect(data.shopEvents).toHaveLength(c.shopEvents);
}

describe('generateDemo', () => {
  it('gives the same data for the same seed and different data for another', () => {
    expect(generateDemo({ seed: 42, size: 'small', now })).toEqual(small);
    const other = generateDemo({ seed: 43, size: 'small', now });
    expect(other.chatSessions[0]?.id).not.toBe(small.chatSessions[0]?.id);
    expect(other.gymLeads.map((l) => l.email)).not.toEqual(small.gymLeads.map((l) => l.email));
    expect(other.shopEvents.map((e) => e.timestamp)).not.toEqual(
      small.shopEvents.map((e) => e.timestamp),
    );
  });

  it('defaults "now" to the current hour, so two runs within it agree', () => {
    const a = generateDemo({ seed: 5, size: 'small' });
    const b = generateDemo({ seed: 5, size: 'small' });
    expect(a).toEqual(b);
    expect(Date.parse(a.now) % 3_600_000).toBe(0);
    expect(Date.now() - Date.parse(a.now)).toBeLessThan(3_600_000 + 60_000);
  });

  it('produces the row counts of each size', () => {
    expectCounts(small, 'small');
    expectCounts(standard, 'standard');
    expect(standard.staff.length).toBeGreaterThanOrEqual(8);
    expect(standard.staff.length).toBeLessThanOrEqual(10);
  });

  it('honours count overrides exactly, even against the call minimums', () => {
    const counts = {
      gymLeads: 40,
      callLogs: 3_000,
      shopUsers: 7,
      shopEvents: 999,
      chatSessions: 0,
    };
    const many = generateDemo({ seed: 1, size: 'small', now, counts });
    expect(many.callLogs).toHaveLength(3_000);
    expect(many.gymLeads).toHaveLength(40);
    expect(many.shopEvents).toHaveLength(999);
    expect(many.chatSessions).toHaveLength(0);
    const few = generateDemo({ seed: 1, size: 'small', now, counts: { callLogs: 10 } });
    expect(few.callLogs).toHaveLength(10);
    expect(() => generateDemo({ seed: 1, size: 'small', counts: { callLogs: -1 } })).toThrow(
      /callLogs/,
    );
  });

  it('streams large counts without building arrays, every id unique', () => {
    const streams = demoStreams({
      seed: 9,
      size: 'small',
      now,
      counts: { gymLeads: 300, callLogs: 150_000, chatSessions: 20_000 },
    });
    const ids = new Set<string>();
    let leads = 0;
    let calls = 0;
    for (const { lead, calls: c } of streams.gymLeads()) {
      leads += 1;
      calls += c.length;
      ids.add(lead.id);
      for (const call of c) ids.add(call.id);
    }
    expect(leads).toBe(300);
    expect(calls).toBe(150_000);
    expect(ids.size).toBe(150_300);
    const sessions = new Set<string>();
    for (const s of streams.chatSessions()) sessions.add(s.id);
    expect(sessions.size).toBe(20_000);
  });
});

describe('Redis chatbot sessions', () => {
  const sessions = standard.chatSessions;

  it('alternate User and Bot lines, starting with User', () => {
    for (const s of [...sessions, ...small.chatSessions]) {
      expect(s.chat.length % 2).toBe(0);
      s.chat.forEach((line, i) =>
        expect(line.startsWith(i % 2 === 0 ? 'User: ' : 'Bot: ')).toBe(true),
      );
      if (s.chat.length > 0) {
        expect(s.chat.length / 2).toBeGreaterThanOrEqual(3);
        expect(s.chat.length / 2).toBeLessThanOrEqual(20);
      }
    }
  });

  it('write last_interaction as the chatbot does: parseable, some without a zone', () => {
    const texts = small.chatSessions.map((s) => s.session.last_interaction);
    for (const t of texts) expect(sourceTimeToIso(t)).not.toBeNull();
    expect(texts.some((t) => /\.\d{6}$/.test(t))).toBe(true);
    expect(texts.some((t) => /(Z|\+00:00)$/.test(t))).toBe(true);
    const ages = texts.map((t) => nowMs - ms(sourceTimeToIso(t) ?? ''));
    for (const age of ages) {
      expect(age).toBeGreaterThanOrEqual(0);
      expect(age).toBeLessThan(15 * DAY);
    }
    // Still active for an inactivity monitor (under 5 minutes) and long finished ones.
    expect(ages.filter((a) => a < 5 * 60_000).length).toBeGreaterThanOrEqual(2);
    expect(ages.filter((a) => a > 10 * 60_000).length).toBeGreaterThan(20);
  });

  it('has identified, anonymous and empty sessions, and lead hashes for most', () => {
    const kinds = countBy(small.chatSessions, (s) =>
      s.session.user_data_collected === 'true'
        ? 'identified'
        : s.chat.length
          ? 'anonymous'
          : 'empty',
    );
    expect(kinds.empty).toBeGreaterThanOrEqual(2);
    expect(kinds.anonymous).toBeGreaterThanOrEqual(2);
    for (const s of small.chatSessions) {
      if (s.session.user_data_collected === 'true') {
        expect(s.session.user_name).toBeTruthy();
        expect(s.session.email).toMatch(/@/);
      } else {
        expect(s.session.user_name).toBeUndefined();
      }
    }
    expect(sessions.filter((s) => s.lead).length / sessions.length).toBeGreaterThan(0.7);
  });

  it('scores leads consistently, with every priority present and hot leads asking to buy', () => {
    const priorities = countBy(
      sessions.filter((s) => s.lead),
      (s) => s.lead?.priority ?? '',
    );
    expect(Object.keys(priorities).sort()).toEqual(['critical', 'high', 'low', 'medium']);
    for (const s of sessions) {
      if (!s.lead) continue;
      expect(Number(s.lead.total_queries)).toBe(s.chat.length / 2);
      expect(s.lead.first_interaction <= s.lead.last_interaction).toBe(true);
      expect(Number.isFinite(Number(s.lead.engagement_score))).toBe(true);
      if (s.lead.priority === 'critical') {
        const text = s.chat.join(' ').toLowerCase();
        expect(text).toMatch(/price|quote|demo|urgent|this week/);
      }
    }
  });

  it('never repeats a transcript', () => {
    const transcripts = sessions.filter((s) => s.chat.length).map((s) => s.chat.join('\n'));
    expect(new Set(transcripts).size).toBe(transcripts.length);
  });
});

describe('web chat sessions', () => {
  it('run from the AI greeting to the last message, a few seconds to minutes apart', () => {
    for (const { session, messages } of standard.webChats) {
      expect(messages[0]?.sender).toBe('ai');
      expect(ms(session.started_at)).toBeLessThanOrEqual(ms(messages[0]?.created_at ?? ''));
      expect(messages.at(-1)?.created_at).toBe(session.last_message_at);
      expect(ms(session.last_message_at)).toBeLessThanOrEqual(nowMs);
      expect(ms(session.updated_at)).toBeGreaterThanOrEqual(ms(session.last_message_at));
      for (let i = 1; i < messages.length; i++) {
        const gap = ms(messages[i]?.created_at ?? '') - ms(messages[i - 1]?.created_at ?? '');
        expect(gap).toBeGreaterThan(0);
        expect(gap).toBeLessThanOrEqual(4 * 60_000);
      }
      expect(session.ai_engaged).toBe(messages.some((m) => m.sender === 'user'));
    }
  });

  it('have complete, partial and abandoned sessions; complete ones promise a reply within 24 hours', () => {
    const statuses = countBy(small.webChats, (w) => w.session.completion_status);
    expect(Object.keys(statuses).sort()).toEqual(['abandoned', 'complete', 'partial']);
    for (const w of standard.webChats) {
      const text = w.messages.map((m) => m.message).join(' ');
      if (w.session.completion_status === 'complete') {
        expect(text).toContain('within 24 hours');
        expect(w.lead?.name).toBeTruthy();
        expect(w.lead?.email).toMatch(/@/);
        expect(Object.keys(w.lead?.answers ?? {})).toEqual(
          expect.arrayContaining(['project_type', 'budget', 'timeline']),
        );
      }
      if (w.session.completion_status === 'abandoned') expect(w.lead).toBeNull();
    }
    expect(standard.webChats.some((w) => w.session.archive_status === 'archived')).toBe(true);
  });
});

describe('gym leads and calls', () => {
  const leadsById = new Map(standard.gymLeads.map((l) => [l.id, l]));
  const gymZone = new Map(standard.gyms.map((g) => [g.id, g.timezone]));

  it('sit in two gyms with two or three branches and known staff', () => {
    expect(standard.gyms).toHaveLength(2);
    for (const g of standard.gyms) {
      const n = standard.branches.filter((b) => b.gymId === g.id).length;
      expect(n).toBeGreaterThanOrEqual(2);
      expect(n).toBeLessThanOrEqual(3);
    }
    const staffIds = new Set(standard.staff.map((s) => s.id));
    for (const c of standard.callLogs) expect(staffIds.has(c.user_id)).toBe(true);
  });

  it('keep the timestamps a report relies on in order', () => {
    for (const l of standard.gymLeads) {
      expect(ms(l.updated_at)).toBeGreaterThanOrEqual(ms(l.created_at));
      expect(ms(l.updated_at)).toBeLessThanOrEqual(nowMs);
      expect(nowMs - ms(l.created_at)).toBeLessThanOrEqual(61 * DAY);
    }
    for (const c of standard.callLogs) {
      const lead = leadsById.get(c.lead_id);
      expect(lead).toBeDefined();
      expect(ms(c.created_at)).toBeGreaterThanOrEqual(ms(lead?.created_at ?? ''));
      expect(ms(c.created_at)).toBeLessThanOrEqual(nowMs);
    }
  });

  it('give missed and failed calls no talk time and no outcome beyond no_answer', () => {
    for (const c of standard.callLogs) {
      if (c.status === 'completed') {
        expect(c.duration).toBeGreaterThan(0);
        expect(c.outcome).not.toBeNull();
      } else {
        expect(c.duration).toBe(0);
        expect([null, 'no_answer']).toContain(c.outcome);
      }
    }
    expect(Object.keys(countBy(standard.callLogs, (c) => c.status)).sort()).toEqual([
      'completed',
      'failed',
      'missed',
    ]);
    expect(Object.keys(countBy(standard.callLogs, (c) => c.direction)).sort()).toEqual([
      'inbound',
      'outbound',
    ]);
  });

  it('follow a plausible funnel: every status, and converted leads booked a tour', () => {
    const statuses = countBy(standard.gymLeads, (l) => l.lead_status);
    expect(Object.keys(statuses).sort()).toEqual([
      'contacted',
      'converted',
      'lost',
      'new',
      'qualified',
    ]);
    expect(statuses.converted ?? 0).toBeLessThan(statuses.contacted ?? 0);
    const toured = new Set(
      standard.callLogs.filter((c) => c.outcome === 'booked_tour').map((c) => c.lead_id),
    );
    for (const l of standard.gymLeads)
      if (l.lead_status === 'converted') expect(toured.has(l.id)).toBe(true);
  });

  it('call mostly in business hours, local to each gym', () => {
    const hours = standard.callLogs.map(
      (c) => DateTime.fromISO(c.created_at, { zone: gymZone.get(c.gym_id) ?? 'UTC' }).hour,
    );
    const inHours = hours.filter((h) => h >= 8 && h <= 20).length;
    expect(inHours / hours.length).toBeGreaterThan(0.85);
  });

  it('show staff with visibly different results', () => {
    const byStaff = new Map<string, { calls: number; connected: number }>();
    for (const c of standard.callLogs) {
      const s = byStaff.get(c.user_id) ?? { calls: 0, connected: 0 };
      s.calls += 1;
      s.connected += c.status === 'completed' ? 1 : 0;
      byStaff.set(c.user_id, s);
    }
    const rates = [...byStaff.values()]
      .filter((s) => s.calls > 100)
      .map((s) => s.connected / s.calls);
    expect(Math.max(...rates) - Math.min(...rates)).toBeGreaterThan(0.1);
  });
});

describe('shop users and events', () => {
  const lastSeen = new Map<string, number>();
  for (const e of standard.shopEvents) lastSeen.set(`${e.client_id}:${e.user_id}`, ms(e.timestamp));

  it('number events 1..N, in time order per user, within the last 8 weeks', () => {
    const previous = new Map<string, string>();
    const bad = standard.shopEvents.filter((e, i) => {
      const key = `${e.client_id}:${e.user_id}`;
      const ordered = e.timestamp >= (previous.get(key) ?? '');
      previous.set(key, e.timestamp);
      const t = ms(e.timestamp);
      return e.id !== i + 1 || !ordered || nowMs - t > 56 * DAY || t > nowMs;
    });
    expect(bad).toEqual([]);
  });

  it('price what was bought and carted, and use every event type', () => {
    const priced = new Set(['purchase', 'order_completed', 'added_to_cart']);
    const unpriced = standard.shopEvents.filter(
      (e) => priced.has(e.event_type) && !((e.price ?? 0) > 0 && (e.quantity ?? 0) > 0),
    );
    expect(unpriced).toEqual([]);
    const types = [...new Set(standard.shopEvents.map((e) => e.event_type))].sort();
    expect(types).toEqual([
      'added_to_cart',
      'added_to_wishlist',
      'cart_quantity_updated',
      'order_completed',
      'page_view',
      'product_view',
      'purchase',
      'removed_from_cart',
      'removed_from_wishlist',
    ]);
  });

  it('give a churn report something to find: users gone quiet for weeks and users active this week', () => {
    const ages = [...lastSeen.values()].map((t) => (nowMs - t) / DAY);
    expect(ages.filter((a) => a > 14).length / ages.length).toBeGreaterThan(0.15);
    expect(ages.filter((a) => a < 7).length / ages.length).toBeGreaterThan(0.3);
    expect(new Set(standard.shopUsers.map((u) => u.client_id))).toEqual(new Set([1, 2]));
  });
});
