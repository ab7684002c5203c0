import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  mail: ParsedMail;
  /** The envelope recipients (RCPT TO), which is what a per-recipient retry changes. */
  to: string[];
}

export interface MailSink {
  url: string;
  inbox: ReceivedMail[];
  /** DATA answered with a temporary failure this many more times. */
  failNext: number;
  /** Addresses refused at RCPT TO. */
  reject: Set<string>;
  /** While true, DATA is read but never answered (a hung server): the sender waits. */
  stall: boolean;
  /** How many times DATA started (sent, failed or stalled). */
  dataStarted: number;
  close(): Promise<void>;
}

/**
 * A real SMTP server (smtp-server + mailparser) for delivery tests: it can fail a number of
 * times, refuse some recipients, or hang mid-message like a server that stopped answering.
 */
export async function startMailSink(): Promise<MailSink> {
  const sink = {
    inbox: [] as ReceivedMail[],
    failNext: 0,
    reject: new Set<string>(),
    stall: false,
    dataStarted: 0,
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (sink.reject.has(address.address.toLowerCase())) {
        return callback(new Error('550 no such user here'));
      }
      callback();
    },
    onData(stream, session, callback) {
      sink.dataStarted += 1;
      if (sink.stall) {
        stream.resume(); // read it all, answer never
        return;
      }
      const to = session.envelope.rcptTo.map((r) => r.address);
      simpleParser(stream).then(
        (mail) => {
          if (sink.failNext > 0) {
            sink.failNext -= 1;
            return callback(Object.assign(new Error('451 try again later'), { responseCode: 451 }));
          }
          sink.inbox.push({ mail, to });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return Object.assign(sink, {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
