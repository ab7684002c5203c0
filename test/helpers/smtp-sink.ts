import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpSink {
  url: string;
  port: number;
  inbox: ParsedMail[];
  /** Every RCPT TO the server was given, accepted or not, in order. */
  rcptTo: string[];
  /** Every AUTH attempt (only with `auth`): its user name and whether TLS protected it. */
  logins: { user: string; tls: boolean }[];
  /** While true the server answers every message with a temporary failure. */
  failing: boolean;
  close(): Promise<void>;
}

export interface SmtpSinkOptions {
  /** Where to listen (default 127.0.0.1): another address tests a host that is not loopback. */
  host?: string;
  /** Accept AUTH (even without TLS) for this user and password. */
  auth?: { user: string; pass: string };
  /** Offer STARTTLS (smtp-server's built-in self-signed certificate). */
  starttls?: boolean;
  /** TLS from the first byte (smtps://), with the same certificate. */
  implicitTls?: boolean;
}

/** A real SMTP server (smtp-server) on 127.0.0.1 unless told, every mail parsed with mailparser. */
export async function startSmtpSink(port = 0, options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const sink: Omit<SmtpSink, 'url' | 'port' | 'close'> = {
    inbox: [],
    rcptTo: [],
    logins: [],
    failing: false,
  };
  const host = options.host ?? '127.0.0.1';
  const { auth } = options;
  const disabled = [...(options.starttls ? [] : ['STARTTLS']), ...(auth ? [] : ['AUTH'])];
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: disabled,
    logger: false,
    secure: options.implicitTls ?? false,
    onAuth(login, session, callback) {
      sink.logins.push({ user: login.username ?? '', tls: session.secure });
      if (auth && login.username === auth.user && login.password === auth.pass) {
        return callback(null, { user: login.username });
      }
      callback(new Error('Invalid username or password'));
    },
    onRcptTo(address, _session, callback) {
      sink.rcptTo.push(address.address);
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          if (sink.failing) return callback(new Error('451 try again later'));
          sink.inbox.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const bound = (server.server.address() as AddressInfo).port;
  const hostInUrl = host.includes(':') ? `[${host}]` : host;
  return Object.assign(sink, {
    url: `${options.implicitTls ? 'smtps' : 'smtp'}://${hostInUrl}:${bound}`,
    port: bound,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }) as SmtpSink;
}
