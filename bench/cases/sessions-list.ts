/**
 * The sessions list without a query, first page and a deep one, as the virtualised list
 * pages through it. Baseline: every session pulled into JavaScript, sorted and sliced there.
 */
import { SessionRepository } from '../../src/core/sessions/session-repository';
import { openStore } from '../../src/core/store/open';
import { formatCount } from '../lib/format';
import type { BenchCase, Step } from '../lib/types';

const PAGE = 100;

interface Row {
  id: string;
  last_interaction_at: string | null;
}

/** The repository's order: newest interaction first, sessions without one last, then id. */
function byRecency(a: Row, b: Row): number {
  const x = a.last_interaction_at;
  const y = b.last_interaction_at;
  if (x !== y) {
    if (x === null) return 1;
    if (y === null) return -1;
    return x < y ? 1 : -1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export const sessionsList: BenchCase = {
  name: 'sessions-list',
  description: 'A page of 100 sessions, no query: the first page and one half-way down',
  sizeUnit: 'sessions',
  sizes: { quick: 2_000, full: 100_000 },

  async setup(size, ctx) {
    const seeded = await ctx.seededStore({ chatSessions: size });
    const store = openStore(seeded.databasePath);
    ctx.defer(() => store.close());
    const repository = new SessionRepository(store);
    const everything = store.sqlite.prepare('SELECT * FROM chat_sessions');
    const baseline = (offset: number) => {
      const rows = everything.all() as Row[];
      rows.sort(byRecency);
      return { items: rows.slice(offset, offset + PAGE), total: rows.length };
    };

    const deep = Math.floor(size / 2);
    const pages = [
      { name: 'first page', offset: 0 },
      { name: `deep page (offset ${formatCount(deep)})`, offset: deep },
    ];
    const steps = pages.map(({ name, offset }): Step => {
      // Both must show the same sessions, or the ratio compares different work.
      const ours = repository.list({ offset, limit: PAGE }).items.map((s) => s.id);
      const theirs = baseline(offset).items.map((s) => s.id);
      if (ours.length !== PAGE || ours.join() !== theirs.join()) {
        throw new Error(`The baseline's page at offset ${offset} differs from the repository's`);
      }
      return {
        name,
        items: PAGE,
        unit: 'rows',
        run: () => void repository.list({ offset, limit: PAGE }),
        baseline: () => void baseline(offset),
      };
    });
    return steps;
  },
};
