import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink';
import { runCli } from '../helpers/run-cli';
import { makeTempDir } from '../helpers/temp-dir';

const temp = makeTempDir('leadwatch-cli-recipients-');
let sink: SmtpSink;

const leadwatch = (args: string[], extra: Record<string, string> = {}) =>
  runCli(args, {
    LEADWATCH_HOME: join(temp.dir, 'home'),
    SMTP_URL: sink.url,
    MAIL_FROM: 'leadwatch@example.com',
    REPORT_TIMEZONE: 'UTC',
    ...extra,
  });

const send = ['report', 'leads', '--type', 'daily', '--date', '2026-03-02', '--gym', 'gym-1'];

beforeAll(async () => {
  sink = await startSmtpSink();
});

afterAll(async () => {
  await sink.close();
  temp.cleanup();
});

describe('`report leads --send --to` refuses what is not one plain address', () => {
  it.each(['victim@example.test\r\nBcc: injected@evil.test', '"Victim" <injected@evil.test>'])(
    '--to %j: bad usage naming it, no RCPT TO, nothing in the history',
    async (to) => {
      const r = await leadwatch([...send, '--send', '--to', to]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`Recipient ${JSON.stringify(to)} is not an email address`);
      expect(sink.rcptTo).toEqual([]);
      const list = await leadwatch(['deliveries', '--json']);
      expect(JSON.parse(list.stdout)).toMatchObject({ total: 0 });
    },
    120_000,
  );

  it('a hostile REPORT_RECIPIENTS in the environment is refused the same way', async () => {
    const hostile = '"Victim" <injected@evil.test>';
    const r = await leadwatch([...send, '--send'], { REPORT_RECIPIENTS: hostile });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(JSON.stringify(hostile));
    expect(r.stderr).toContain('REPORT_RECIPIENTS');
    expect(sink.rcptTo).toEqual([]);
  }, 120_000);
});
