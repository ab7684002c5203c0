import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { openStore, type Store } from '../store/open';
import { splitSnippet, toFtsQuery, toLikePattern } from './fts-query';
import { SessionRepository } from './session-repository';

const temp = makeTempDir();
let store: Store;
let repo: SessionRepository;

function addSession(id: string, fields: Record<string, unknown>, messages: [string, string][]) {
  const row = {
    id: `redis:${id}`,
    source: 'redis',
    source_id: id,
    message_count: messages.length,
    ...fields,
  };
  const cols = Object.keys(row);
  store.sqlite
    .prepare(
      `INSERT INTO chat_sessions (${cols.join(',')}) VALUES (${cols.map((c) => `@${c}`).join(',')})`,
    )
    .run(row);
  const insert = store.sqlite.prepare(
    'INSERT INTO chat_messages (session_id, seq, sender, text) VALUES (?, ?, ?, ?)',
  );
  messages.forEach(([sender, text], seq) => insert.run(`redis:${id}`, seq, sender, text));
}

beforeAll(() => {
  store = openStore(join(temp.dir, 'leadwatch.db'));
  repo = new SessionRepository(store);
  addSession(
    'a1',
    {
      visitor_name: 'Asha Rao',
      organization: 'Cog Plastics',
      priority: 'high',
      last_interaction_at: '2026-11-20T10:00:00.000Z',
      lead_score: 15,
    },
    [
      ['user', 'How do I calculate my EPR target for multilayer plastic?'],
      [
        'bot',
        'EPR targets are generated from your category and the quantity placed on the market.',
      ],
      ['user', 'What does the premium compliance plan cost? We need it urgently.'],
    ],
  );
  addSession(
    'b2',
    {
      visitor_name: 'Ben 100% Real',
      email: 'ben@example.com',
      priority: 'low',
      last_interaction_at: '2026-11-21T10:00:00.000Z',
    },
    [
      ['user', 'hello'],
      ['bot', 'Hi! How can I help with your registration?'],
    ],
  );
  addSession('c3', { last_interaction_at: null }, []);
});
afterAll(() => {
  store.close();
  temp.cleanup();
});

describe('sessions list', () => {
  it('lists newest first, with sessions that never interacted last, and pages', () => {
    const all = repo.list({ offset: 0, limit: 100 });
    expect(all.total).toBe(3);
    expect(all.items.map((s) => s.sourceId)).toEqual(['b2', 'a1', 'c3']);
    const page = repo.list({ offset: 1, limit: 1 });
    expect(page.items.map((s) => s.sourceId)).toEqual(['a1']);
    expect(page.total).toBe(3);
    // A page past the end (the list shrank under a scrolled view) still says how many there are.
    const past = repo.list({ offset: 10, limit: 5 });
    expect(past.items).toEqual([]);
    expect(past.total).toBe(3);
    expect(repo.list({ query: 'premium', offset: 10, limit: 5 }).total).toBe(1);
  });

  it('finds sessions by a word in their transcript, with a snippet of the matching message', () => {
    const r = repo.list({ query: 'premium', offset: 0, limit: 10 });
    expect(r.total).toBe(1);
    expect(r.items[0]?.sourceId).toBe('a1');
    expect(r.items[0]?.snippet).toContain('premium');
  });

  it('marks the matched words of the snippet (whole words for a prefix), as offsets into plain text', () => {
    const r = repo.list({ query: 'premi urgent', offset: 0, limit: 10 });
    const hit = r.items[0];
    const snippet = hit?.snippet ?? '';
    expect(snippet).toBe('What does the premium compliance plan cost? We need it urgently.');
    const marked = (hit?.snippetMarks ?? []).map(([a, b]) => snippet.slice(a, b));
    expect(marked).toEqual(['premium', 'urgently']);
    // A list that is not a search carries no marks.
    expect(repo.list({ offset: 0, limit: 10 }).items.every((s) => !s.snippetMarks)).toBe(true);
  });

  it('reads the marks from the snippet text; a stray marker from a message is dropped, not trusted', () => {
    expect(splitSnippet('a \u0002bc\u0003 d \u0002é🙂\u0003')).toEqual({
      text: 'a bc d é🙂',
      marks: [
        [2, 4],
        [7, 10],
      ],
    });
    expect(splitSnippet('x\u0003y\u0002\u0002z')).toEqual({ text: 'xyz', marks: [] });
  });

  it('matches word prefixes and several words', () => {
    expect(
      repo.list({ query: 'regist', offset: 0, limit: 10 }).items.map((s) => s.sourceId),
    ).toEqual(['b2']);
    expect(repo.list({ query: 'EPR multilayer', offset: 0, limit: 10 }).total).toBe(1);
  });

  it('finds sessions by visitor name, email or organisation', () => {
    expect(repo.list({ query: 'Cog Plas', offset: 0, limit: 10 }).items[0]?.sourceId).toBe('a1');
    expect(repo.list({ query: 'ben@example', offset: 0, limit: 10 }).items[0]?.sourceId).toBe('b2');
  });

  it('treats FTS operators and LIKE wildcards in the query as plain text', () => {
    expect(() => repo.list({ query: '"unbalanced AND (NEAR', offset: 0, limit: 10 })).not.toThrow();
    expect(repo.list({ query: '100%', offset: 0, limit: 10 }).items.map((s) => s.sourceId)).toEqual(
      ['b2'],
    );
    expect(repo.list({ query: '_', offset: 0, limit: 10 }).total).toBe(0);
  });

  it('filters by priority and source', () => {
    expect(
      repo.list({ priority: 'high', offset: 0, limit: 10 }).items.map((s) => s.sourceId),
    ).toEqual(['a1']);
    expect(repo.list({ source: 'postgres', offset: 0, limit: 10 }).total).toBe(0);
  });

  it('counts sessions per priority in one read, the same as filtering by each', () => {
    const totals = repo.priorityTotals();
    expect(totals.map((t) => t.priority)).toEqual(['critical', 'high', 'medium', 'low']);
    for (const { priority, total } of totals) {
      expect(total).toBe(repo.list({ priority, offset: 0, limit: 1 }).total);
    }
    expect(totals.some((t) => t.total > 0)).toBe(true);
  });
});

describe('hot leads', () => {
  it('lists only high and critical leads, critical first', () => {
    addSession(
      'd4',
      {
        visitor_name: 'Dee',
        priority: 'critical',
        last_interaction_at: '2026-11-01T00:00:00.000Z',
      },
      [],
    );
    expect(repo.hot(10).map((s) => s.sourceId)).toEqual(['d4', 'a1']);
    expect(repo.hot(1).map((s) => s.sourceId)).toEqual(['d4']);
  });
});

describe('sessions get', () => {
  it('returns the transcript in order with visitor and lead details, by full or upstream id', () => {
    const s = repo.get('a1');
    expect(s.id).toBe('redis:a1');
    expect(s.visitorName).toBe('Asha Rao');
    expect(s.priority).toBe('high');
    expect(s.messages.map((m) => m.seq)).toEqual([0, 1, 2]);
    expect(s.messages[0]?.sender).toBe('user');
    expect(repo.get('redis:a1').messages).toHaveLength(3);
  });

  it('says which session was not found', () => {
    expect(() => repo.get('nope')).toThrow(/Session nope was not found/);
  });
});

describe('query helpers', () => {
  it('quotes every word as a prefix term', () => {
    expect(toFtsQuery('price "demo" OR x*')).toBe('"price"* "demo"* "OR"* "x"*');
    expect(toFtsQuery('  ()*  ')).toBeNull();
    expect(toLikePattern('50%_off')).toBe('%50\\%\\_off%');
  });
});
