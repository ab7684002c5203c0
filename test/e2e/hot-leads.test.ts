import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSeededHarness, type Harness } from './helpers/harness';
import { insertSessions, setPriority } from './helpers/store-fixtures';
import type { AppPage } from './page-models/app';

/** High plus critical, as core counts them: what the flame button must show. */
async function hotTotal(harness: Harness): Promise<number> {
  const [critical, high] = await Promise.all([
    harness.core.registry.call('sessions.list', { priority: 'critical', limit: 1 }),
    harness.core.registry.call('sessions.list', { priority: 'high', limit: 1 }),
  ]);
  return critical.total + high.total;
}

describe('hot leads', () => {
  let harness: Harness;
  let app: AppPage | undefined;

  beforeAll(async () => {
    harness = await startSeededHarness();
    // A lead that is not hot yet, to be raised by a pushed event.
    insertSessions(harness.core, [
      {
        sourceId: 'warming-up',
        visitorName: 'Dana Cruz',
        email: 'dana@example.com',
        organization: 'Cruz Fitness',
        priority: 'medium',
        leadScore: 48,
        lastInteractionAt: '2021-06-01T09:00:00.000Z',
        messages: [
          { sender: 'user', text: 'What does the enterprise plan cost? We need it this week.' },
          { sender: 'bot', text: 'Happy to help with pricing.' },
        ],
      },
    ]);
  });

  afterEach(async () => {
    if (app) {
      expect(app.consoleErrors).toEqual([]);
      expect(await app.cspViolations()).toEqual([]);
    }
    app = undefined;
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('counts the high and critical leads in the header and lists them, critical first', async () => {
    const expected = await hotTotal(harness);
    const { items } = await harness.core.registry.call('leads.hot', { limit: 50 });
    expect(expected).toBeGreaterThan(0);
    expect(items.some((s) => s.priority === 'critical')).toBe(true);

    app = await harness.open();
    expect(await app.hotLeadCount()).toBe(expected);
    expect(await app.hotLeadsButton.textContent()).toContain(String(expected));

    await app.hotLeadsButton.click();
    await app.hotLeadsDrawer.waitFor();
    const entries = app.hotLeadsDrawer.getByTestId('hot-lead');
    await expect.poll(() => entries.count()).toBe(items.length);
    const shownIds = await entries.evaluateAll((els) =>
      els.map((el) => el.getAttribute('data-session-id')),
    );
    expect(shownIds).toEqual(items.map((s) => s.id));
    // Critical before high, as 'leads.hot' promises and a manager reads them.
    const priorities = await entries.evaluateAll((els) =>
      els.map((el) => el.getAttribute('data-priority')),
    );
    const firstHigh = priorities.indexOf('high');
    expect(priorities.lastIndexOf('critical')).toBeLessThan(firstHigh === -1 ? 1e9 : firstHigh);
    expect(await entries.first().textContent()).toContain(items[0]!.visitorName ?? 'Anonymous');
  });

  it('opens a hot lead’s session from the drawer and closes the drawer', async () => {
    const { items } = await harness.core.registry.call('leads.hot', { limit: 50 });
    const target = items[1] ?? items[0]!;
    app = await harness.open({ hash: '#/reports' });
    await app.hotLeadsButton.click();
    await app.hotLeadsDrawer.locator(`[data-session-id="${target.id}"]`).click();
    await expect.poll(() => app!.page.url()).toContain(`#/sessions/${target.id}`);
    await app.sessionDetail
      .getByRole('heading', { level: 2, name: target.visitorName ?? 'Anonymous visitor' })
      .waitFor();
    await expect.poll(() => app!.hotLeadsDrawer.count()).toBe(0);
  });

  it('shows the hot leads on the dashboard, each opening its session', async () => {
    const expected = await hotTotal(harness);
    const { items } = await harness.core.registry.call('leads.hot', { limit: 50 });
    app = await harness.open();
    const card = app.hotLeadsCard;
    await card.getByTestId('hot-lead').first().waitFor();
    expect(await card.getByTestId('hot-leads-card-count').textContent()).toBe(String(expected));
    const shown = await card.getByTestId('hot-lead').count();
    expect(shown).toBe(Math.min(5, items.length));
    await card.getByTestId('hot-lead').first().click();
    await expect.poll(() => app!.page.url()).toContain(`#/sessions/${items[0]!.id}`);

    // "See all" opens the same drawer as the header.
    await app.goto('#/dashboard');
    await app.hotLeadsCard.getByRole('button', { name: 'See all' }).click();
    await app.hotLeadsDrawer.getByTestId('hot-lead').first().waitFor();
  });

  it('announces a lead that turned critical, refreshes the count, and opens it on click', async () => {
    app = await harness.open({ hash: '#/reports' });
    const before = await app.hotLeadCount();
    await app.eventsReady();

    // What core does when a re-score raises a lead: store it, then push the event.
    setPriority(harness.core, 'demo:warming-up', 'critical');
    harness.core.events.emit('lead.priorityRaised', {
      sessionId: 'demo:warming-up',
      visitorName: 'Dana Cruz',
      from: 'medium',
      to: 'critical',
    });

    const note = app.notification('Dana Cruz is now a critical lead');
    await note.waitFor();
    expect(await note.textContent()).toContain('Up from medium priority');
    await expect.poll(() => app!.hotLeadCount()).toBe(before + 1);

    await note.getByText('Dana Cruz is now a critical lead').click();
    await expect.poll(() => app!.page.url()).toContain('#/sessions/demo:warming-up');
    await app.sessionDetail.getByRole('heading', { level: 2, name: 'Dana Cruz' }).waitFor();
    await expect.poll(() => note.count()).toBe(0);
    setPriority(harness.core, 'demo:warming-up', 'medium');
  });

  it('opens the session the desktop shell asks for (a tray notification was clicked)', async () => {
    const { items } = await harness.core.registry.call('leads.hot', { limit: 1 });
    const target = items[0]!;
    app = await harness.open({ hash: '#/settings' });
    await app.eventsReady();
    harness.core.events.emit('app.openSession', { sessionId: target.id });
    await expect.poll(() => app!.page.url()).toContain(`#/sessions/${target.id}`);
    await app.sessionDetail.getByRole('heading', { level: 2 }).waitFor();
  });
});
