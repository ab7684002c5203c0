import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/rpc/errors';
import { startSeededHarness, type Harness } from './helpers/harness';
import { insertSessions, markFinalized } from './helpers/store-fixtures';
import type { AppPage } from './page-models/app';

const REASONS = [
  { rule: 'pricing', points: 6, detail: 'asked about pricing: “what does the team plan cost”' },
  { rule: 'demo', points: 6, detail: 'asked for a demo, trial or call: “book a demo”' },
  { rule: 'urgency', points: 4, detail: 'needs it soon: “this week”' },
  { rule: 'contact_email', points: 3, detail: 'gave an email address' },
  { rule: 'short_session', points: -2, detail: 'only three visitor messages' },
];

const CONVERSATION = [
  { sender: 'user' as const, text: 'Hi, what does the team plan cost?' },
  { sender: 'bot' as const, text: 'The team plan starts at $49 per seat.' },
  {
    sender: 'user' as const,
    text: 'Can we book a demo this week? I am at priya@northwind.example',
  },
  { sender: 'bot' as const, text: 'Of course, a colleague will reach out today.' },
];

describe('session detail: scores, markers and send-now', () => {
  let harness: Harness;
  let app: AppPage | undefined;

  beforeAll(async () => {
    harness = await startSeededHarness();
    const at = new Date(Date.now() - 3 * 3600_000).toISOString();
    insertSessions(harness.core, [
      {
        sourceId: 'scored',
        visitorName: 'Priya Nair',
        email: 'priya@northwind.example',
        organization: 'Northwind Traders',
        priority: 'critical',
        leadScore: 17,
        engagementScore: 0.82,
        totalQueries: 2,
        scoreReasons: REASONS,
        lastInteractionAt: at,
        messages: CONVERSATION,
      },
      {
        sourceId: 'finalized',
        visitorName: 'Owen Park',
        priority: 'high',
        leadScore: 12,
        finalizedAt: at,
        vanishedAt: at,
        lastInteractionAt: at,
        messages: CONVERSATION.slice(0, 2),
      },
      {
        sourceId: 'open',
        visitorName: 'Mia Lopez',
        priority: 'medium',
        leadScore: 8,
        lastInteractionAt: at,
        messages: CONVERSATION.slice(0, 2),
      },
      {
        sourceId: 'meanwhile',
        visitorName: 'Leo Brandt',
        priority: 'high',
        leadScore: 11,
        lastInteractionAt: at,
        messages: CONVERSATION.slice(0, 2),
      },
    ]);
  });

  afterEach(async () => {
    harness.unstub();
    if (app) {
      expect(app.consoleErrors).toEqual([]);
      expect(await app.cspViolations()).toEqual([]);
    }
    app = undefined;
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('shows priority, score, engagement and every scoring reason with its points', async () => {
    app = await harness.open({ hash: '#/sessions/demo:scored' });
    const table = app.scoreReasons;
    await table.waitFor();
    const lead = app.sessionDetail.getByRole('region', { name: 'Lead' });
    expect(await lead.getByTestId('lead-score').textContent()).toBe('17');
    expect(await lead.getByTestId('engagement-score').textContent()).toBe('0.82');
    expect(await lead.locator('[data-priority]').first().textContent()).toBe('Critical');

    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(REASONS.length);
    for (const [i, reason] of REASONS.entries()) {
      const row = rows.nth(i);
      expect(await row.getAttribute('data-rule')).toBe(reason.rule);
      const points = reason.points > 0 ? `+${reason.points}` : String(reason.points);
      expect(await row.getByTestId('reason-points').textContent()).toBe(points);
      expect(await row.textContent()).toContain(reason.detail);
      expect(await row.getByTestId('reason-rule').textContent()).toBe(reason.rule);
    }
  });

  it('marks a finalized, vanished session and explains why it cannot be sent again', async () => {
    app = await harness.open({ hash: '#/sessions/demo:finalized' });
    await app.sessionDetail.getByRole('heading', { level: 2, name: 'Owen Park' }).waitFor();
    expect(await app.sessionDetail.getByTestId('marker-finalized').textContent()).toContain(
      'Finalized',
    );
    expect(await app.sessionDetail.getByTestId('marker-vanished').textContent()).toContain(
      'Removed upstream',
    );
    expect(await app.sessionDetail.getByTestId('vanished-note').textContent()).toContain(
      'Removed upstream — kept in the local mirror',
    );
    expect(await app.endSessionButton.isDisabled()).toBe(true);
    const why = await app.endSessionButton.getAttribute('aria-describedby');
    expect(await app.page.locator(`#${why}`).textContent()).toContain('already sent');
    // The list says the same in short.
    const row = app.sessionList.locator('[data-session-id="demo:finalized"]');
    await app.sessionSearch.fill('Owen');
    await row.waitFor();
    expect(await row.textContent()).toContain('Final');
    expect(await row.textContent()).toContain('Removed');
  });

  it('asks before sending, and Cancel sends nothing', async () => {
    let calls = 0;
    harness.stub('sessions.endNow', ({ id }) => {
      calls += 1;
      return { sessionId: id, outcome: 'sent', pdfPath: null, notice: null };
    });
    await harness.core.registry.call('settings.set', {
      reportRecipients: ['sales@northwind.example', 'qa@northwind.example'],
    });
    app = await harness.open({ hash: '#/sessions/demo:open' });
    await app.endSessionButton.click();
    const dialog = app.endSessionConfirm;
    await dialog.waitFor();
    const text = (await dialog.textContent()) ?? '';
    expect(text).toContain('PDF report');
    expect(text).toContain('sales@northwind.example');
    expect(text).toContain('qa@northwind.example');
    await dialog.getByRole('button', { name: 'Cancel' }).first().click();
    await expect.poll(() => dialog.count()).toBe(0);
    await app.page.waitForTimeout(200);
    expect(calls).toBe(0);
    expect(await app.endSessionOutcome.count()).toBe(0);
    await harness.core.registry.call('settings.set', { reportRecipients: [] });
  });

  it('says clearly what to do when sending is unavailable (mail, PDF or source down)', async () => {
    // Pinned to the contract's 'unavailable' error, whatever makes core answer it.
    harness.stub('sessions.endNow', () => {
      throw new AppError('unavailable', 'The mail server did not answer within 30 s.');
    });
    app = await harness.open({ hash: '#/sessions/demo:open' });
    await app.endSessionButton.click();
    await app.endSessionConfirm.getByRole('button', { name: 'Send report now' }).click();
    const error = app.sessionDetail.getByTestId('action-error');
    await error.waitFor();
    const text = (await error.textContent()) ?? '';
    expect(text).toContain('The report was not sent');
    expect(text).toContain('The mail server did not answer within 30 s.');
    expect(text).toContain('Nothing was sent and the session was not finalized');
    expect(text).toMatch(/SMTP/);
    expect(text).toMatch(/Redis or PostgreSQL/);
    expect(await error.getAttribute('role')).toBe('alert');
    // The action stays available, and nothing pretends the report went out.
    expect(await app.endSessionButton.isEnabled()).toBe(true);
    expect(await app.endSessionOutcome.count()).toBe(0);
    expect(await app.page.getByRole('alert').filter({ hasText: 'That did not work' }).count()).toBe(
      0,
    );
  });

  const outcomes = [
    { outcome: 'sent', says: 'Report sent ✓' },
    { outcome: 'busy', says: 'Another instance is sending it' },
    { outcome: 'skipped_empty', says: 'Nothing to report' },
    { outcome: 'already_finalized', says: 'Report already sent' },
  ] as const;
  for (const { outcome, says } of outcomes) {
    it(`shows the contract outcome '${outcome}' as “${says}”`, async () => {
      harness.stub('sessions.endNow', ({ id }) => ({
        sessionId: id,
        outcome,
        pdfPath: null,
        notice: null,
      }));
      app = await harness.open({ hash: '#/sessions/demo:open' });
      await app.endSessionButton.click();
      await app.endSessionConfirm.getByRole('button', { name: 'Send report now' }).click();
      await app.endSessionOutcome.waitFor();
      expect(await app.endSessionOutcome.getAttribute('data-outcome')).toBe(outcome);
      expect(await app.endSessionOutcome.textContent()).toContain(says);
    });
  }

  // Against core's own handler, on the embedded default with nothing configured.
  it('without mail settings, makes the PDF, shows where it is and what to set (real core)', async () => {
    const { items } = await harness.core.registry.call('sessions.list', { limit: 50 });
    const session = items.find((s) => !s.finalized && s.messageCount > 0 && s.visitorName)!;
    app = await harness.open({ hash: `#/sessions/${session.id}` });
    await app.endSessionButton.click();
    await app.endSessionConfirm.getByRole('button', { name: 'Send report now' }).click();
    await app.endSessionOutcome.waitFor({ timeout: 30_000 });
    expect(await app.endSessionOutcome.getAttribute('data-outcome')).toBe('pdf_only');
    expect(await app.endSessionOutcome.textContent()).toContain('PDF made, not mailed');
    const path = (await app.sessionDetail.getByTestId('end-session-pdf').textContent()) ?? '';
    expect(path).toMatch(/reports\/session_.+\.pdf$/);
    expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
    const notice = app.sessionDetail.getByTestId('end-session-notice');
    expect(await notice.textContent()).toContain(
      'Set SMTP_URL, MAIL_FROM and REPORT_RECIPIENTS (Settings) to mail it.',
    );
    expect(await notice.getByRole('link', { name: 'Open Settings' }).getAttribute('href')).toBe(
      '#/settings',
    );
    // Nothing was mailed, so the session stays open and can be sent once mail is set up.
    expect(await harness.core.registry.call('sessions.get', { id: session.id })).toMatchObject({
      finalized: false,
    });
    expect(await app.endSessionButton.isEnabled()).toBe(true);
    expect(await app.seriousAxeIssues()).toEqual([]);
    await app.endSessionOutcome.scrollIntoViewIfNeeded();
    await app.screenshot('end-session-pdf-only-light');
  });

  // Against core's own handler: a finalized session is never reported twice.
  it('says “already sent” when another instance finalized the session meanwhile (real core)', async () => {
    app = await harness.open({ hash: '#/sessions/demo:meanwhile' });
    await app.endSessionButton.click();
    await app.endSessionConfirm.waitFor();
    // The monitor or another instance mails it while the dialog is open.
    markFinalized(harness.core, 'demo:meanwhile');
    await app.endSessionConfirm.getByRole('button', { name: 'Send report now' }).click();
    await app.endSessionOutcome.waitFor();
    expect(await app.endSessionOutcome.getAttribute('data-outcome')).toBe('already_finalized');
    expect(await app.endSessionOutcome.textContent()).toContain('already sent');
    // The refreshed session now shows as finalized, and the button explains itself.
    await app.sessionDetail.getByTestId('marker-finalized').waitFor();
    expect(await app.endSessionButton.isDisabled()).toBe(true);
  });
});
