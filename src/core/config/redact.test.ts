import { describe, expect, it } from 'vitest';
import { redactText, redactUrl } from './redact';

describe('redactUrl', () => {
  it.each([
    ['redis://:s3cret@cache:6379/0', 'redis://:•••@cache:6379/0'],
    ['smtp://mailer:s3cret@mail.example.com:587', 'smtp://mailer:•••@mail.example.com:587'],
    ['postgres://app:p@ss@db:5432/team', 'postgres://app:•••@db:5432/team'],
    ['postgres://db/team?user=app&password=s3cret', 'postgres://db/team?user=app&password=•••'],
    [
      'postgres://db/team?sslpassword=s3cret&sslmode=require',
      'postgres://db/team?sslpassword=•••&sslmode=require',
    ],
    ['redis://cache:6379/0?password=s3cret', 'redis://cache:6379/0?password=•••'],
    ['smtp://mail:25?user=mailer&pass=s3cret', 'smtp://mail:25?user=mailer&pass=•••'],
    ['smtp://mail:25?auth.pass=s3cret#x', 'smtp://mail:25?auth.pass=•••#x'],
    ['postgres://db/x?PASSWORD=s3cret', 'postgres://db/x?PASSWORD=•••'],
    ['postgres://db/x?pass%77ord=s3cret', 'postgres://db/x?pass%77ord=•••'],
    // ioredis reads a password from these too (it adds the `//` itself).
    [':s3cret@127.0.0.1:6379', ':•••@127.0.0.1:6379'],
    ['app:s3cret@cache:6379/0', 'app:•••@cache:6379/0'],
    ['redis:s3cret@cache:6379', 'redis:•••@cache:6379'],
    [':p@ss-s3cret@127.0.0.1:1', ':•••@127.0.0.1:1'],
    ['//:s3cret@127.0.0.1:1', '//:•••@127.0.0.1:1'],
    ['user@corp:s3cret@127.0.0.1:1', 'user@corp:•••@127.0.0.1:1'],
    [':pa s3cret@cache:6379', ':•••@cache:6379'],
    ['\tpostgres://u:s3cret@db/x', '\tpostgres://u:•••@db/x'],
  ])('%s', (raw, redacted) => {
    expect(redactUrl(raw)).toBe(redacted);
    expect(redactUrl(raw)).not.toContain('s3cret');
  });

  it('keeps what carries no secret as it is', () => {
    for (const url of [
      'redis://cache:6379/0',
      'smtp://mailer@mail:25',
      'postgres://db/x?sslmode=require',
    ]) {
      expect(redactUrl(url)).toBe(url);
    }
  });

  it('keeps a scheme-less address without a password as it is', () => {
    expect(redactUrl('cache:6379')).toBe('cache:6379');
    expect(redactUrl('app@cache:6379')).toBe('app@cache:6379');
  });

  it('redacts a string no URL parser accepts', () => {
    expect(redactUrl('redis://:s3cret@[bad host')).toBe('redis://:•••@[bad host');
  });
});

describe('redactText', () => {
  it('redacts connection strings and keyword passwords inside a message', () => {
    const text = redactText(
      'Redis at redis://:s3cret@cache:6379?password=also failed; libpq: host=db password=s3cret2',
    );
    expect(text).toBe(
      'Redis at redis://:•••@cache:6379?password=••• failed; libpq: host=db password=•••',
    );
  });

  it('takes linear time on a long run of leading spaces', () => {
    const start = performance.now();
    expect(redactUrl(`${' '.repeat(200_000)}x`)).toBe(`${' '.repeat(200_000)}x`);
    expect(performance.now() - start).toBeLessThan(1_000);
  });

  it('takes linear time on a long run of letters (an error quoting a hostile field name)', () => {
    const letters = 'a'.repeat(200_000);
    const start = performance.now();
    expect(redactText(`${letters} redis://:s3cret@cache`)).toBe(`${letters} redis://:•••@cache`);
    // Quadratic, this took 20 s; linear, a few milliseconds. A wide margin for a busy machine.
    expect(performance.now() - start).toBeLessThan(1_000);
  });
});
