import { describe, expect, it } from 'vitest';
import { escapeGlob, sessionIdFromKey, sessionScanPattern } from './keys';
import { formatChatLine, parseChat, parseChatLine, parseRedisSession } from './parse';
import { assertTimeZone, parseSourceTime } from './source-time';

const nowMs = Date.parse('2025-06-10T14:00:00.000Z');
const utc = { zone: 'UTC', nowMs };

describe('parseSourceTime', () => {
  it.each([
    ['2025-01-14T12:07:33.495792', '2025-01-14T12:07:33.495Z'],
    ['2025-01-14T12:07:33', '2025-01-14T12:07:33.000Z'],
    ['2025-01-14 12:07:33.4', '2025-01-14T12:07:33.400Z'],
    ['2025-01-14T12:07', '2025-01-14T12:07:00.000Z'],
    ['2025-01-14T12:07:33.495792Z', '2025-01-14T12:07:33.495Z'],
    ['2025-01-14T12:07:33.495792+00:00', '2025-01-14T12:07:33.495Z'],
    ['2025-01-14T12:07:33+05:30', '2025-01-14T06:37:33.000Z'],
    ['2025-01-14T12:07:33-0800', '2025-01-14T20:07:33.000Z'],
    ['  2025-01-14T12:07:33z ', '2025-01-14T12:07:33.000Z'],
  ])('reads %j as %s', (text, iso) => {
    expect(parseSourceTime(text, utc)).toBe(iso);
  });

  it('truncates sub-millisecond digits exactly, never rounding up', () => {
    for (let micros = 0; micros < 1_000_000; micros += 997) {
      const fraction = String(micros).padStart(6, '0');
      const iso = parseSourceTime(`2025-01-14T12:07:33.${fraction}`, utc);
      expect(iso).toBe(`2025-01-14T12:07:33.${fraction.slice(0, 3)}Z`);
    }
  });

  it('places zoneless times in SOURCE_TIMEZONE, across daylight saving time', () => {
    const kolkata = { zone: 'Asia/Kolkata', nowMs };
    expect(parseSourceTime('2025-01-14T12:00:00', kolkata)).toBe('2025-01-14T06:30:00.000Z');
    const chicago = { zone: 'America/Chicago', nowMs };
    expect(parseSourceTime('2025-01-14T12:00:00', chicago)).toBe('2025-01-14T18:00:00.000Z');
    expect(parseSourceTime('2025-06-01T12:00:00', chicago)).toBe('2025-06-01T17:00:00.000Z');
    // An explicit offset wins over the configured zone.
    expect(parseSourceTime('2025-06-01T12:00:00Z', chicago)).toBe('2025-06-01T12:00:00.000Z');
  });

  it.each([
    ['yesterday', /not an ISO 8601/],
    ['', /not an ISO 8601/],
    ['1736856453.49', /not an ISO 8601/],
    ['2025-01-14', /not an ISO 8601/],
    ['14/01/2025 12:07', /not an ISO 8601/],
    ['2025-02-30T10:00:00', /day 30 of a 28-day month/],
    ['2025-13-01T10:00:00', /month 13/],
    ['2025-01-14T24:00:00', /hour 24/],
    ['2025-01-14T12:07:33+15:00', /impossible UTC offset/],
    ['0001-01-01T00:00:00', /before 2000/],
    ['2025-06-12T14:00:00', /more than a day in the future/],
  ])('refuses %j', (text, message) => {
    expect(() => parseSourceTime(text, utc)).toThrow(message);
  });

  it('refuses a time zone name that does not exist', () => {
    expect(assertTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(() => assertTimeZone('Mars/Olympus')).toThrow(/SOURCE_TIMEZONE "Mars\/Olympus"/);
  });
});

describe('parseRedisSession', () => {
  const session = {
    user_data_collected: 'true',
    user_name: 'Chinmay',
    email: 'chinmay123@gmail.com',
    phone: '9865342187',
    organization: 'Cog',
    last_interaction: '2025-01-14T12:07:33.495792',
  };
  const lead = {
    lead_score: '15',
    priority: 'high',
    engagement_score: '6.5',
    total_queries: '4',
    first_interaction: '2025-01-14T12:06:00',
    last_interaction: '2025-01-14T12:07:33',
  };

  it('reads the seed-001 example', () => {
    expect(parseRedisSession({ id: 'abc', session, lead }, utc)).toEqual({
      id: 'abc',
      userDataCollected: true,
      userName: 'Chinmay',
      email: 'chinmay123@gmail.com',
      phone: '9865342187',
      organization: 'Cog',
      lastInteractionAt: '2025-01-14T12:07:33.495Z',
      lead: {
        leadScore: 15,
        priority: 'high',
        engagementScore: 6.5,
        totalQueries: 4,
        firstInteractionAt: '2025-01-14T12:06:00.000Z',
        lastInteractionAt: '2025-01-14T12:07:33.000Z',
      },
    });
  });

  it('treats empty optional fields as absent and no lead hash as no lead', () => {
    const r = parseRedisSession(
      { id: 'x', session: { user_name: '', last_interaction: session.last_interaction }, lead: {} },
      utc,
    );
    expect(r).toMatchObject({ userDataCollected: false, userName: null, email: null, lead: null });
    const upper = parseRedisSession(
      { id: 'x', session, lead: { ...lead, priority: ' HIGH ' } },
      utc,
    );
    expect(upper.lead?.priority).toBe('high');
  });

  it.each([
    [
      { ...session, last_interaction: 'soon' },
      {},
      /session hash: last_interaction "soon" is not an ISO 8601/,
    ],
    [{ ...session, last_interaction: '' }, {}, /session hash: last_interaction is missing/],
    [{ user_name: 'x' }, {}, /session hash: last_interaction is missing/],
    [
      { ...session, user_data_collected: 'maybe' },
      {},
      /user_data_collected "maybe" is not "true" or "false"/,
    ],
    [
      session,
      { ...lead, priority: 'urgent' },
      /priority "urgent" is not one of low, medium, high, critical/,
    ],
    [session, { ...lead, priority: '' }, /priority is missing/],
    [session, { ...lead, lead_score: 'high' }, /lead_score "high" is not a number/],
    [session, { priority: 'low' }, /lead_score is missing/],
    [session, { ...lead, total_queries: '2.5' }, /total_queries "2.5" is not a count/],
    [session, { ...lead, engagement_score: 'NaN' }, /engagement_score "NaN" is not a number/],
    [
      session,
      { ...lead, first_interaction: '2025-01-14T25:00:00' },
      /lead hash: first_interaction .*hour 25/,
    ],
  ])('refuses a malformed hash (%#)', (s, l, message) => {
    expect(() => parseRedisSession({ id: 'x', session: s, lead: l }, utc)).toThrow(message);
  });
});

describe('chat lines', () => {
  it('reads "User:" and "Bot:" lines, keeping the text as typed', () => {
    expect(
      parseChat(['User: hi there', 'Bot: Hello!', 'user:no space', 'BOT:  two spaces']),
    ).toEqual([
      { sender: 'user', text: 'hi there' },
      { sender: 'bot', text: 'Hello!' },
      { sender: 'user', text: 'no space' },
      { sender: 'bot', text: ' two spaces' },
    ]);
    expect(formatChatLine({ sender: 'bot', text: 'Hello!' })).toBe('Bot: Hello!');
    expect(parseChatLine('User: a: b', 0).text).toBe('a: b');
  });

  it('refuses a line without a sender, naming its position', () => {
    expect(() => parseChat(['User: hi', 'System: restarted'], 10)).toThrow(
      /chat line 12 starts with neither "User:" nor "Bot:" \("System: restarted"\)/,
    );
  });
});

describe('keys', () => {
  it('finds session ids and skips the sub-keys', () => {
    expect(sessionIdFromKey('p:', 'p:session:abc')).toBe('abc');
    expect(sessionIdFromKey('p:', 'p:session:abc:chat')).toBeNull();
    expect(sessionIdFromKey('p:', 'p:session:abc:finalized')).toBeNull();
    expect(sessionIdFromKey('p:', 'p:lead:abc')).toBeNull();
    expect(sessionIdFromKey('p:', 'q:session:abc')).toBeNull();
    expect(sessionIdFromKey('', 'session:')).toBeNull();
  });

  it('escapes glob characters in the prefix', () => {
    expect(escapeGlob('a*b?[c]\\')).toBe('a\\*b\\?\\[c\\]\\\\');
    expect(sessionScanPattern('team*1:')).toBe('team\\*1:session:*');
  });
});
