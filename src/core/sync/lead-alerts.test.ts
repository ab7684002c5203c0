import { describe, expect, it } from 'vitest';
import { openStore } from '../store/open';
import { LeadAlerts } from './lead-alerts';

describe('LeadAlerts', () => {
  const at = '2025-06-10T14:00:00.000Z';
  const setup = () => {
    const store = openStore(':memory:');
    const insert = store.sqlite.prepare(
      "INSERT INTO chat_sessions (id, source, source_id) VALUES (?, 'redis', ?)",
    );
    for (const id of ['a', 'b', 'c']) insert.run(`redis:${id}`, id);
    const alerts = new LeadAlerts(store);
    const rows = () =>
      store.sqlite
        .prepare('SELECT session_id, level, announced FROM lead_alerts ORDER BY 1, 2')
        .all();
    return { store, alerts, rows };
  };
  const change = (sessionId: string, from: string | null, to: string | null) =>
    ({ sessionId, visitorName: 'Asha', from, to }) as Parameters<LeadAlerts['check']>[0];

  it('announces a rise to a hot level once, and never a fall or a cold level', () => {
    const { store, alerts, rows } = setup();
    expect(alerts.check(change('redis:a', null, 'high'), true, at)).toEqual({
      sessionId: 'redis:a',
      visitorName: 'Asha',
      from: null,
      to: 'high',
    });
    expect(alerts.check(change('redis:a', 'medium', 'high'), true, at)).toBeNull();
    expect(alerts.check(change('redis:a', 'critical', 'high'), true, at)).toBeNull();
    expect(alerts.check(change('redis:a', 'high', 'high'), true, at)).toBeNull();
    expect(alerts.check(change('redis:b', 'low', 'medium'), true, at)).toBeNull();
    expect(alerts.check(change('redis:b', 'low', null), true, at)).toBeNull();
    expect(rows()).toEqual([{ session_id: 'redis:a', level: 'high', announced: 1 }]);
    store.close();
  });

  it('records the levels passed on the way up, and records silently when told to', () => {
    const { store, alerts, rows } = setup();
    expect(alerts.check(change('redis:a', 'medium', 'critical'), true, at)?.to).toBe('critical');
    // Back down and up to high: high was passed already, so it is not news.
    expect(alerts.check(change('redis:a', 'medium', 'high'), true, at)).toBeNull();
    expect(alerts.check(change('redis:b', null, 'critical'), false, at)).toBeNull();
    expect(alerts.check(change('redis:b', 'medium', 'critical'), true, at)).toBeNull();
    expect(rows()).toEqual([
      { session_id: 'redis:a', level: 'critical', announced: 1 },
      { session_id: 'redis:a', level: 'high', announced: 0 },
      { session_id: 'redis:b', level: 'critical', announced: 0 },
      { session_id: 'redis:b', level: 'high', announced: 0 },
    ]);
    // A removed session takes its alerts with it.
    store.sqlite.prepare("DELETE FROM chat_sessions WHERE id = 'redis:a'").run();
    expect(rows()).toHaveLength(2);
    store.close();
  });
});
