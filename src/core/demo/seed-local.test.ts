import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { AppError } from '../rpc/errors';
import { SessionRepository } from '../sessions/session-repository';
import { openStore, type Store } from '../store/open';
import { demoSizes, generateDemo } from './generate';
import { seedLocalStore } from './seed-local';

const now = new Date('2025-06-10T14:00:00.000Z');
const small = demoSizes.small;

describe('seedLocalStore', () => {
  const temp = makeTempDir();
  const stores: Store[] = [];
  const open = (name: string) => {
    const store = openStore(join(temp.dir, `${name}.db`));
    stores.push(store);
    return store;
  };
  afterAll(() => {
    for (const s of stores) s.close();
    temp.cleanup();
  });
  const count = (store: Store, table: string) =>
    (store.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  const ftsHits = (store: Store, query: string) =>
    (
      store.sqlite
        .prepare('SELECT COUNT(*) AS n FROM chat_messages_fts WHERE chat_messages_fts MATCH ?')
        .get(query) as { n: number }
    ).n;

  it('fills every demo table and reports the counts and its progress', () => {
    const store = open('fill');
    const progress: { step: string; done: number; total: number }[] = [];
    const summary = seedLocalStore(
      store,
      { seed: 7, size: 'small', replace: false },
      (p) => progress.push(p),
      { now },
    );
    const data = generateDemo({ seed: 7, size: 'small', now });
    const messages =
      data.chatSessions.reduce((n, s) => n + s.chat.length, 0) +
      data.webChats.reduce((n, w) => n + w.messages.length, 0);
    expect(summary).toEqual({
      seed: 7,
      chatSessions: small.chatSessions,
      chatMessages: messages,
      webChatSessions: small.webChatSessions,
      gymLeads: small.gymLeads,
      callLogs: small.callLogs,
      staff: data.staff.length,
      shopUsers: small.shopUsers,
      shopEvents: small.shopEvents,
    });
    expect(count(store, 'chat_sessions')).toBe(small.chatSessions + small.webChatSessions);
    expect(count(store, 'chat_messages')).toBe(messages);
    expect(count(store, 'leads')).toBe(small.gymLeads);
    expect(count(store, 'call_logs')).toBe(small.callLogs);
    expect(count(store, 'staff_users')).toBe(data.staff.length);
    expect(count(store, 'shop_users')).toBe(small.shopUsers);
    expect(count(store, 'shop_events')).toBe(small.shopEvents);

    const steps = new Set(progress.map((p) => p.step));
    expect(steps.size).toBeGreaterThanOrEqual(4);
    for (const step of steps) {
      const last = progress.filter((p) => p.step === step).at(-1);
      expect(last?.done).toBe(last?.total);
    }
  });

  it('maps sessions as a sync would: ids, sources, senders, lead fields, UTC times', () => {
    const store = open('mapping');
    seedLocalStore(store, { seed: 7, size: 'small', replace: false }, () => {}, { now });
    const data = generateDemo({ seed: 7, size: 'small', now });
    const repo = new SessionRepository(store);

    const naive = (text: string) => !/(Z|\+00:00)$/.test(text);
    const redis = data.chatSessions.find(
      (s) => s.lead && s.chat.length > 0 && naive(s.session.last_interaction),
    );
    if (!redis?.lead) throw new Error('expected a Redis session with a lead and a naive timestamp');
    const detail = repo.get(`redis:${redis.id}`);
    expect(detail.source).toBe('redis');
    expect(detail.sourceId).toBe(redis.id);
    expect(detail.priority).toBe(redis.lead.priority);
    expect(detail.leadScore).toBe(Number(redis.lead.lead_score));
    expect(detail.totalQueries).toBe(Number(redis.lead.total_queries));
    expect(detail.messageCount).toBe(redis.chat.length);
    expect(detail.lastInteractionAt).toBe(`${redis.session.last_interaction.slice(0, 23)}Z`);
    expect(detail.firstInteractionAt).toBe(`${redis.lead.first_interaction}.000Z`);
    expect(
      detail.messages.map((m) => `${m.sender === 'user' ? 'User' : 'Bot'}: ${m.text}`),
    ).toEqual(redis.chat);
    expect(detail.messages.every((m) => m.sentAt === null)).toBe(true);

    const web = data.webChats.find((w) => w.session.completion_status === 'complete');
    if (!web?.lead) throw new Error('expected a complete web chat');
    const webDetail = repo.get(`postgres:${web.session.session_id}`);
    expect(webDetail.source).toBe('postgres');
    expect(webDetail.visitorName).toBe(web.lead.name);
    expect(webDetail.company).toBe(web.lead.company);
    expect(webDetail.answers).toEqual(web.lead.answers);
    expect(webDetail.completionStatus).toBe('complete');
    expect(webDetail.messages[0]).toMatchObject({
      seq: 0,
      sender: 'bot',
      sentAt: web.messages[0]?.created_at,
    });
    expect(webDetail.messages.map((m) => m.sender)).toEqual(
      web.messages.map((m) => (m.sender === 'ai' ? 'bot' : 'user')),
    );
  });

  it('finds transcript words through the full-text index', () => {
    const store = open('fts');
    seedLocalStore(store, { seed: 7, size: 'small', replace: false }, () => {}, { now });
    expect(ftsHits(store, 'EPR')).toBeGreaterThan(0);
    expect(ftsHits(store, '"within 24 hours"')).toBeGreaterThan(0);
    const list = new SessionRepository(store).list({ query: 'plastic', offset: 0, limit: 100 });
    expect(list.total).toBeGreaterThan(0);
    expect(list.items.every((s) => s.source === 'redis')).toBe(true);
  });

  it('refuses a store that holds data unless told to replace it, then replaces it', () => {
    const store = open('replace');
    seedLocalStore(store, { seed: 1, size: 'small', replace: false }, () => {}, { now });
    const before = store.sqlite.prepare('SELECT id FROM chat_sessions ORDER BY id').all();
    let error: unknown;
    try {
      seedLocalStore(store, { seed: 2, size: 'small', replace: false }, () => {}, { now });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).type).toBe('conflict');
    expect((error as AppError).message).toMatch(/replace/);
    expect(store.sqlite.prepare('SELECT id FROM chat_sessions ORDER BY id').all()).toEqual(before);

    const summary = seedLocalStore(store, { seed: 2, size: 'small', replace: true }, () => {}, {
      now,
    });
    expect(summary.seed).toBe(2);
    expect(count(store, 'chat_sessions')).toBe(small.chatSessions + small.webChatSessions);
    expect(count(store, 'call_logs')).toBe(small.callLogs);
    expect(store.sqlite.prepare('SELECT id FROM chat_sessions ORDER BY id').all()).not.toEqual(
      before,
    );
    expect(ftsHits(store, 'EPR OR website')).toBeGreaterThan(0);
    // The index holds exactly the current messages: nothing left over from the first seed.
    const check =
      "INSERT INTO chat_messages_fts(chat_messages_fts, rank) VALUES ('integrity-check', 1)";
    expect(() => store.sqlite.prepare(check).run()).not.toThrow();
  });

  it('seeds the standard size in well under two seconds', () => {
    const store = open('standard');
    const started = performance.now();
    const summary = seedLocalStore(
      store,
      { seed: 42, size: 'standard', replace: false },
      () => {},
      { now },
    );
    const elapsed = performance.now() - started;
    expect(summary.shopEvents).toBe(demoSizes.standard.shopEvents);
    // About 0.6-0.9 s here when run alone; the bound leaves room for a loaded test machine.
    expect(elapsed).toBeLessThan(5_000);
  });
});
