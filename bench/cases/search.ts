/**
 * Full-text search over the local store's messages, as the sessions page and the CLI run
 * it: SessionRepository.list with a query (FTS5 plus the visitor's fields, a page of 100
 * and the total). Baseline: what a first version would write, a substring scan with LIKE.
 */
import { SessionRepository } from '../../src/core/sessions/session-repository';
import { openStore } from '../../src/core/store/open';
import { formatCount } from '../lib/format';
import type { BenchCase, Step } from '../lib/types';

// Words the demo transcripts use (EPR compliance chats), from very common to rare; the
// setup checks that each still matches something, so a generator change cannot quietly
// turn this into a benchmark of empty results.
const QUERIES = [
  { name: 'common word', query: 'registration' },
  { name: 'rare word', query: 'thursday' },
  { name: 'two words', query: 'annual return' },
] as const;

const PAGE = 100;

export const search: BenchCase = {
  name: 'search',
  description: 'Full-text search over every message: a page of 100 sessions and the total',
  sizeUnit: 'sessions',
  // The generator writes ~13.2 messages per chat session: 151,000 sessions ≈ 2M messages.
  sizes: { quick: 2_000, full: 151_000 },

  async setup(size, ctx) {
    const seeded = await ctx.seededStore({ chatSessions: size });
    const store = openStore(seeded.databasePath);
    ctx.defer(() => store.close());
    const repository = new SessionRepository(store);
    // The plain version: scan every message for the substring, then join, sort and count.
    const likePage = store.sqlite.prepare(
      `SELECT s.id, s.source, s.source_id, s.visitor_name, s.email, s.organization, s.started_at,
              s.last_interaction_at, s.message_count, s.priority, s.lead_score
       FROM (SELECT DISTINCT session_id FROM chat_messages WHERE text LIKE ?) m
       JOIN chat_sessions s ON s.id = m.session_id
       ORDER BY s.last_interaction_at IS NULL, s.last_interaction_at DESC, s.id
       LIMIT ${PAGE}`,
    );
    const likeCount = store.sqlite.prepare(
      'SELECT COUNT(DISTINCT session_id) AS total FROM chat_messages WHERE text LIKE ?',
    );
    const baseline = (query: string) => {
      const pattern = `%${query}%`;
      const items = likePage.all(pattern);
      const { total } = likeCount.get(pattern) as { total: number };
      return { items, total };
    };

    const steps = QUERIES.map(({ name, query }): Step => {
      const found = repository.list({ query, offset: 0, limit: PAGE }).total;
      const scanned = baseline(query).total;
      if (found === 0 || scanned === 0) {
        throw new Error(`"${query}" no longer matches the demo transcripts: pick another word`);
      }
      return {
        name: `${name} "${query}"`,
        items: seeded.chatMessages,
        unit: 'messages',
        run: () => void repository.list({ query, offset: 0, limit: PAGE }),
        baseline: () => void baseline(query),
        note:
          `${formatCount(found)} sessions match (FTS5 prefix terms + visitor fields); ` +
          `LIKE substring finds ${formatCount(scanned)}`,
      };
    });
    return steps;
  },
};
