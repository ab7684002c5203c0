import { describe, expect, it } from 'vitest';
import { AlertOnce, plainLine, priorityAlertText } from '../../src/main/priority-alerts';

describe('AlertOnce', () => {
  it('lets each (session, level) through once', () => {
    const once = new AlertOnce();
    expect(once.take('s1', 'high')).toBe(true);
    expect(once.take('s1', 'high')).toBe(false);
    expect(once.take('s1', 'critical')).toBe(true);
    expect(once.take('s2', 'high')).toBe(true);
    // No collision between ids that contain the separator.
    expect(once.take('a","b', 'c')).toBe(true);
    expect(once.take('a', 'b","c')).toBe(true);
  });

  it('forgets the oldest pairs beyond its limit', () => {
    const once = new AlertOnce(2);
    once.take('s1', 'high');
    once.take('s2', 'high');
    once.take('s3', 'high');
    expect(once.take('s1', 'high')).toBe(true);
    expect(once.take('s3', 'high')).toBe(false);
  });
});

describe('priority alert text', () => {
  it('names the visitor and the new level', () => {
    expect(
      priorityAlertText({
        sessionId: 's',
        visitorName: 'Dana Cruz',
        from: 'medium',
        to: 'critical',
      }),
    ).toEqual({
      title: 'Critical lead',
      body: 'Dana Cruz is now critical priority (was medium).',
    });
    expect(
      priorityAlertText({ sessionId: 's', visitorName: null, from: null, to: 'high' }),
    ).toEqual({
      title: 'Lead priority: high',
      body: 'A visitor is now high priority.',
    });
  });

  it('makes visitor text one plain, short line', () => {
    expect(plainLine('<a href="https://x">Dana</a>\n\tCruz\u202e')).toBe(
      'a href="https://x"Dana/a Cruz',
    );
    expect(plainLine('x'.repeat(200), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(plainLine(' \u0000 ')).toBe('');
  });
});
