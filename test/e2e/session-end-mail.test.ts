/**
 * The product's first promise on the embedded default: demo data in the local store, no
 * Redis, no PostgreSQL, only mail set up. "End session & send report now" mails the PDF
 * (a real SMTP server receives it) and finalizes the session.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink';
import { startSeededHarness, type Harness } from './helpers/harness';
import type { AppPage } from './page-models/app';

describe('end session on the embedded default with only SMTP configured', () => {
  let harness: Harness;
  let smtp: SmtpSink;
  let app: AppPage | undefined;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    const env = { ...process.env };
    delete env.REDIS_URL;
    delete env.DATABASE_URL;
    harness = await startSeededHarness({
      env: {
        ...env,
        SMTP_URL: smtp.url,
        MAIL_FROM: 'leadwatch@example.com',
        REPORT_RECIPIENTS: 'sales@example.com',
      },
    });
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
    await smtp?.close();
  });

  const openSession = async (theme: 'light' | 'dark', skip: string[] = []) => {
    const { items } = await harness.core.registry.call('sessions.list', { limit: 50 });
    const session = items.find(
      (s) => !s.finalized && s.messageCount > 0 && s.visitorName && !skip.includes(s.id),
    );
    if (!session) throw new Error('the demo data has no open session with a visitor');
    app = await harness.open({ hash: `#/sessions/${session.id}`, colorScheme: theme });
    return session;
  };

  it('mails the demo session’s PDF once and shows it finalized', async () => {
    const session = await openSession('light');
    await app!.endSessionButton.click();
    await app!.endSessionConfirm.getByRole('button', { name: 'Send report now' }).click();
    await app!.endSessionOutcome.waitFor({ timeout: 30_000 });
    expect(await app!.endSessionOutcome.getAttribute('data-outcome')).toBe('sent');
    expect(await app!.endSessionOutcome.textContent()).toContain('Report sent');
    expect(await app!.sessionDetail.getByTestId('end-session-pdf').textContent()).toMatch(/\.pdf$/);

    expect(smtp.inbox).toHaveLength(1);
    const mail = smtp.inbox[0]!;
    expect(mail.subject).toMatch(/ Session Report - /);
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toContain('sales@example.com');
    expect(mail.attachments[0]?.content.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await harness.core.registry.call('sessions.get', { id: session.id })).toMatchObject({
      finalized: true,
    });
    await app!.sessionDetail.getByTestId('marker-finalized').waitFor();
    expect(await app!.endSessionButton.isDisabled()).toBe(true);
    await app!.endSessionOutcome.scrollIntoViewIfNeeded();
    await app!.screenshot('end-session-sent-light');
  });

  it('looks right in the dark theme too', async () => {
    const sent = smtp.inbox.length;
    await openSession('dark');
    await app!.endSessionButton.click();
    await app!.endSessionConfirm.getByRole('button', { name: 'Send report now' }).click();
    await app!.endSessionOutcome.waitFor({ timeout: 30_000 });
    expect(await app!.endSessionOutcome.getAttribute('data-outcome')).toBe('sent');
    expect(smtp.inbox).toHaveLength(sent + 1);
    expect(await app!.seriousAxeIssues()).toEqual([]);
    await app!.endSessionOutcome.scrollIntoViewIfNeeded();
    await app!.screenshot('end-session-sent-dark');
  });

  it('still explains why a session synced from Redis cannot be sent while Redis is away', async () => {
    const session = await openSession('light');
    // As a sync from Redis leaves it: its report is claimed in Redis, not in the local store.
    harness.core.store.sqlite
      .prepare('UPDATE chat_sessions SET local_only = 0 WHERE id = ?')
      .run(session.id);
    const sent = smtp.inbox.length;
    await app!.endSessionButton.click();
    await app!.endSessionConfirm.getByRole('button', { name: 'Send report now' }).click();
    const error = app!.sessionDetail.getByTestId('action-error');
    await error.waitFor({ timeout: 20_000 });
    const text = (await error.textContent()) ?? '';
    expect(text).toContain('The report was not sent');
    expect(text).toContain('REDIS_URL');
    expect(text).toContain('Settings');
    expect(smtp.inbox).toHaveLength(sent);
    expect(await harness.core.registry.call('sessions.get', { id: session.id })).toMatchObject({
      finalized: false,
    });
  });
});
