import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../../../test/helpers/smtp-sink';
import { checkSmtp } from '../doctor/checks';
import { AppError } from '../rpc/errors';
import { EmailNotifier } from './email-notifier';
import { isLoopbackHost, smtpTarget } from './smtp-transport';

const USER = 'mailer';
const PASSWORD = 'Sup3r-s3cret!';
const message = { subject: 's', text: 't', html: '<p>t</p>', attachments: [] };

/**
 * This machine's own address on a real interface: a server bound there is reached over a
 * host that is not loopback, as a remote relay would be (the packets still stay here).
 */
const lanAddress = Object.values(networkInterfaces())
  .flat()
  .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

const sinks: SmtpSink[] = [];
async function sink(options: Parameters<typeof startSmtpSink>[1]): Promise<SmtpSink> {
  const s = await startSmtpSink(0, { auth: { user: USER, pass: PASSWORD }, ...options });
  sinks.push(s);
  return s;
}

/** The sink's URL with our credentials and an optional query. */
function withLogin(s: SmtpSink, query = ''): string {
  const u = new URL(s.url);
  u.username = USER;
  u.password = encodeURIComponent(PASSWORD);
  return `${u.href.replace(/\/$/, '')}${query}`;
}

async function send(url: string): Promise<unknown> {
  const mailer = new EmailNotifier({
    smtpUrl: url,
    from: 'leadwatch@example.com',
    timeoutMs: 5_000,
  });
  try {
    return await mailer.send(message, ['sales@example.com']);
  } catch (error) {
    return error;
  } finally {
    await mailer.close();
  }
}

afterEach(async () => {
  for (const s of sinks.splice(0)) await s.close();
});

describe('the SMTP password never crosses the network in clear', () => {
  it('knows which hosts are this machine', () => {
    for (const host of ['127.0.0.1', '127.8.0.1', 'localhost', 'LOCALHOST', '[::1]']) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
    for (const host of ['192.0.2.2', 'mail.example.com', '[fd00::2]', '127.example.com']) {
      expect(isLoopbackHost(host), host).toBe(false);
    }
  });

  // Skipped (and said so) only on a machine with no network interface besides loopback.
  describe.skipIf(!lanAddress)(`a server at ${lanAddress ?? '(no non-loopback address)'}`, () => {
    it('offering no STARTTLS: refused before AUTH, nothing sent, and the message says how to allow it', async () => {
      const s = await sink({ host: lanAddress });
      const error = await send(withLogin(s));
      expect(error).toBeInstanceOf(AppError);
      const text = (error as AppError).message;
      expect(text).toMatch(/offers no TLS \(STARTTLS\)/);
      expect(text).toContain('smtps://');
      expect(text).toContain('?insecure=1 to SMTP_URL');
      expect(text).not.toContain(PASSWORD);
      expect(s.logins).toEqual([]); // AUTH never went over the wire
      expect(s.rcptTo).toEqual([]);
      expect(s.inbox).toEqual([]);
    });

    it('with ?insecure=1 the login in clear is allowed, as asked', async () => {
      const s = await sink({ host: lanAddress });
      const receipt = await send(withLogin(s, '?insecure=1'));
      expect(receipt).toMatchObject({ accepted: ['sales@example.com'] });
      expect(s.logins).toEqual([{ user: USER, tls: false }]);
      expect(s.inbox).toHaveLength(1);
    });

    it('offering STARTTLS: upgraded before AUTH, even when the URL asks to ignore TLS', async () => {
      const s = await sink({ host: lanAddress, starttls: true });
      // The test server's certificate is self-signed; the tls.* option passes through.
      const receipt = await send(withLogin(s, '?tls.rejectUnauthorized=false&ignoreTLS=true'));
      expect(receipt).toMatchObject({ accepted: ['sales@example.com'] });
      expect(s.logins).toEqual([{ user: USER, tls: true }]);
    });

    it('smtps:// is TLS from the first byte', async () => {
      const s = await sink({ host: lanAddress, implicitTls: true });
      const receipt = await send(withLogin(s, '?tls.rejectUnauthorized=false'));
      expect(receipt).toMatchObject({ accepted: ['sales@example.com'] });
      expect(s.logins).toEqual([{ user: USER, tls: true }]);
    });

    it('without credentials there is nothing to protect: plain SMTP is fine', async () => {
      const s = await sink({ host: lanAddress, auth: undefined });
      const receipt = await send(s.url);
      expect(receipt).toMatchObject({ accepted: ['sales@example.com'] });
    });

    it('doctor checks the same way: its login test does not send the password in clear', async () => {
      const s = await sink({ host: lanAddress });
      const row = await checkSmtp(withLogin(s));
      expect(row.status).toBe('fail');
      expect(row.detail).toContain('?insecure=1');
      expect(row.detail).not.toContain(PASSWORD);
      expect(s.logins).toEqual([]);
      expect((await checkSmtp(withLogin(s, '?insecure=1'))).status).toBe('ok');
    });
  });

  it('only a clear ?insecure=1 (or true) lifts the rule, and the URL host is where mail goes', () => {
    const remote = 'smtp://mailer:pw@mail.example.com:587';
    for (const no of ['no', 'off', '0', 'false', '']) {
      expect(smtpTarget(`${remote}?insecure=${no}`, 1000).tlsRequired, no).toBe(true);
    }
    expect(smtpTarget(`${remote}?insecure=true`, 1000).tlsRequired).toBe(false);
    // nodemailer would connect to smtp.office365.com (or through a proxy) for these,
    // somewhere the TLS rule never judged.
    const elsewhere = smtpTarget(
      'smtp://mailer:pw@localhost:2525/?service=Outlook365&proxy=http://evil:8080&host=x.example',
      1000,
    );
    expect(elsewhere.options.url).toBe('smtp://mailer:pw@localhost:2525/');
    const rerouted = smtpTarget(
      'smtps://mailer:pw@mail.example.com:465/?tls.host=127.0.0.1&tls.port=1&tls.rejectUnauthorized=false',
      1000,
    );
    expect(rerouted.options.url).toBe(
      'smtps://mailer:pw@mail.example.com:465/?tls.rejectUnauthorized=false',
    );
  });

  it('on loopback (a local relay, a test server) the login needs no TLS', async () => {
    const s = await sink({});
    const receipt = await send(withLogin(s));
    expect(receipt).toMatchObject({ accepted: ['sales@example.com'] });
    expect(s.logins).toEqual([{ user: USER, tls: false }]);
  });
});
