import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpSink {
  url: string;
  port: number;
  inbox: ParsedMail[];
  /** While true the server answers every message with a temporary failure. */
  failing: boolean;
  close(): Promise<void>;
}

/** A real SMTP server on 127.0.0.1 (smtp-server), every mail parsed with mailparser. */
export async function startSmtpSink(port = 0): Promise<SmtpSink> {
  const sink: Omit<SmtpSink, 'url' | 'port' | 'close'> = { inbox: [], failing: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
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
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const bound = (server.server.address() as AddressInfo).port;
  return Object.assign(sink, {
    url: `smtp://127.0.0.1:${bound}`,
    port: bound,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }) as SmtpSink;
}
