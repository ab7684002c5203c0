import {
  createServer as createTcpServer,
  type AddressInfo,
  type Server,
  type Socket,
} from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { redactUrl } from '../config/effective';
import { PdfRenderer } from '../render/browser';
import { buildSessionReportMessage } from '../reports/session/session-mail';
import { renderSessionReportPdf, sessionReportFilename } from '../reports/session/session-report';
import { HOSTILE, sampleSession } from '../reports/session/testing/fixtures';
import { AppError } from '../rpc/errors';
import { EmailNotifier } from './email-notifier';

const PASSWORD = 'Sup3r-s3cret!';
const REJECTED = 'nobody@rejected.test';

interface Received {
  mail: ParsedMail;
  envelopeTo: string[];
  user: string | undefined;
}

/** A real SMTP server on 127.0.0.1 that keeps what it receives. */
async function startSmtp(): Promise<{ server: SMTPServer; port: number; inbox: Received[] }> {
  const inbox: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === 'mailer' && auth.password === PASSWORD)
        callback(null, { user: 'mailer' });
      else callback(new Error('Invalid username or password'));
    },
    onRcptTo(address, _session, callback) {
      if (address.address === REJECTED) callback(new Error('No such user here'));
      else callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          inbox.push({
            mail,
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
            user: typeof session.user === 'string' ? session.user : undefined,
          });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { server, port, inbox };
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = createTcpServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('EmailNotifier', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let renderer: PdfRenderer;
  let pdf: Buffer;
  const session = sampleSession(8, { totalQueries: 4 });
  const opts = { botName: 'EPR Chatbot', timezone: 'UTC', generatedAt: new Date() };

  beforeAll(async () => {
    smtp = await startSmtp();
    renderer = new PdfRenderer({ chromePath: null });
    pdf = await renderSessionReportPdf(renderer, session, opts);
  });

  afterAll(async () => {
    await renderer.close();
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
  });

  beforeEach(() => {
    smtp.inbox.length = 0;
  });

  it('mails the session report with the PDF attached', async () => {
    const notifier = new EmailNotifier({
      smtpUrl: `smtp://mailer:${encodeURIComponent(PASSWORD)}@127.0.0.1:${smtp.port}`,
    });
    const filename = sessionReportFilename(session.sourceId);
    const receipt = await notifier.sendSessionReport({
      to: ['sales@example.test', 'qa@example.test'],
      from: 'Leadwatch <reports@example.test>',
      botName: 'EPR Chatbot',
      session,
      pdf,
      filename,
    });
    await notifier.close();

    expect(receipt.channel).toBe('email');
    expect(receipt.accepted).toEqual(['sales@example.test', 'qa@example.test']);
    expect(receipt.rejected).toEqual([]);
    expect(smtp.inbox).toHaveLength(1);
    const [received] = smtp.inbox;
    const mail = received?.mail;
    expect(received?.user).toBe('mailer');
    expect(mail?.messageId).toBe(receipt.messageId);
    expect(mail?.subject).toBe('EPR Chatbot Session Report - Chinmay Deshpande');
    expect(mail?.from?.value[0]?.address).toBe('reports@example.test');
    expect(received?.envelopeTo).toEqual(['sales@example.test', 'qa@example.test']);

    expect(mail?.text).toContain('Chinmay Deshpande');
    expect(mail?.text).toContain('Priority: HIGH');
    expect(mail?.text).toContain('Queries: 4');
    expect(mail?.html).toContain('Chinmay Deshpande');
    expect(mail?.html).toContain('HIGH');

    expect(mail?.attachments).toHaveLength(1);
    const attachment = mail?.attachments[0];
    expect(filename).toBe('session_sess-7f3a9c.pdf');
    expect(attachment?.filename).toBe('session_sess-7f3a9c.pdf');
    expect(attachment?.contentType).toBe('application/pdf');
    expect(attachment?.content.subarray(0, 5).toString()).toBe('%PDF-');
    expect(attachment?.content.equals(pdf)).toBe(true);
  });

  it('escapes the visitor in the HTML body and keeps the subject on one line', async () => {
    const notifier = new EmailNotifier({ smtpUrl: `smtp://127.0.0.1:${smtp.port}` });
    const hostile = { ...session, visitorName: `${HOSTILE.name}\r\nBcc: victim@example.test` };
    await notifier.sendSessionReport({
      to: ['sales@example.test'],
      from: 'reports@example.test',
      botName: 'EPR Chatbot',
      session: hostile,
      pdf,
      filename: 'session_x.pdf',
    });
    await notifier.close();
    const mail = smtp.inbox[0]?.mail;
    expect(mail?.subject).toBe(
      'EPR Chatbot Session Report - <script>alert(1)</script> Mallory Bcc: victim@example.test',
    );
    expect(mail?.bcc).toBeUndefined();
    expect(smtp.inbox[0]?.envelopeTo).toEqual(['sales@example.test']);
    expect(mail?.html).not.toContain('<script>');
    expect(mail?.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('names an anonymous visitor and reports rejected recipients', async () => {
    const notifier = new EmailNotifier({
      smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
      from: 'reports@example.test',
    });
    const receipt = await notifier.send(
      buildSessionReportMessage({
        botName: 'EPR Chatbot',
        session: { ...session, visitorName: '  ' },
        pdf,
        filename: 'session_anon.pdf',
      }),
      ['sales@example.test', REJECTED],
    );
    await notifier.close();
    expect(receipt.accepted).toEqual(['sales@example.test']);
    expect(receipt.rejected).toEqual([REJECTED]);
    expect(smtp.inbox[0]?.mail.subject).toBe('EPR Chatbot Session Report - Anonymous visitor');
  });

  it('says the SMTP server is down, naming it without the password', async () => {
    const port = await closedPort();
    const notifier = new EmailNotifier({
      smtpUrl: `smtp://mailer:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}`,
      timeoutMs: 2_000,
    });
    const started = Date.now();
    const error = await notifier
      .sendSessionReport({
        to: ['sales@example.test'],
        from: 'reports@example.test',
        botName: 'EPR Chatbot',
        session,
        pdf,
        filename: 'session_x.pdf',
      })
      .catch((e: unknown) => e);
    await notifier.close();
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).type).toBe('unavailable');
    expect((error as AppError).message).toBe(
      `Could not send mail through ${redactUrl(`smtp://mailer:x@127.0.0.1:${port}`)}: connection refused (is the SMTP server running?)`,
    );
    expect((error as AppError).message).not.toContain('s3cret');
  });

  it('gives up on a server that never greets within the configured timeout', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createTcpServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    const notifier = new EmailNotifier({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      from: 'reports@example.test',
      timeoutMs: 800,
    });
    const started = Date.now();
    try {
      const error = await notifier
        .send({ subject: 's', text: 't', html: '<p>t</p>', attachments: [] }, ['a@example.test'])
        .catch((e: unknown) => e);
      const elapsed = Date.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(700);
      expect(elapsed).toBeLessThan(3_000);
      expect((error as AppError).type).toBe('unavailable');
      // Greeting and idle-socket limits are equal, so either may fire first.
      expect((error as AppError).message).toMatch(
        /^Could not send mail through smtp:\/\/127\.0\.0\.1:\d+: timed out waiting for (the server's greeting|a reply)$/,
      );
    } finally {
      await notifier.close();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('says when the login is refused, without the password', async () => {
    const notifier = new EmailNotifier({
      smtpUrl: `smtp://mailer:wrong-${encodeURIComponent(PASSWORD)}@127.0.0.1:${smtp.port}`,
      from: 'reports@example.test',
    });
    const error = await notifier
      .send({ subject: 's', text: 't', html: '<p>t</p>', attachments: [] }, ['a@example.test'])
      .catch((e: unknown) => e);
    await notifier.close();
    expect((error as AppError).message).toMatch(
      `Could not send mail through ${redactUrl(`smtp://mailer:x@127.0.0.1:${smtp.port}`)}: `,
    );
    expect((error as AppError).message).toContain('refused the login');
    expect((error as AppError).message).not.toContain('s3cret');
    expect(smtp.inbox).toHaveLength(0);
  });

  it('explains missing or malformed configuration before connecting', async () => {
    expect(() => new EmailNotifier({ smtpUrl: null })).toThrow(/set SMTP_URL/);
    expect(() => new EmailNotifier({ smtpUrl: 'http://mail.example.test' })).toThrow(
      /must start with smtp:\/\/ or smtps:\/\//,
    );
    const notifier = new EmailNotifier({ smtpUrl: `smtp://127.0.0.1:${smtp.port}` });
    const message = { subject: 's', text: 't', html: 'h', attachments: [] };
    await expect(notifier.send(message, [])).rejects.toThrow(/REPORT_RECIPIENTS/);
    await expect(notifier.send(message, ['a@example.test'])).rejects.toThrow(/MAIL_FROM/);
    await notifier.close();
  });
});
