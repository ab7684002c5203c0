import { describe, expect, it } from 'vitest';
import { createAccess, originAllowed, TICKET_TTL_MS } from './access';

describe('bridge access', () => {
  it('takes the token only exactly', () => {
    const access = createAccess();
    expect(access.tokenMatches(access.token)).toBe(true);
    for (const given of [
      undefined,
      null,
      '',
      access.token.slice(1),
      `${access.token}0`,
      [access.token],
    ]) {
      expect(access.tokenMatches(given)).toBe(false);
    }
  });

  it('takes a ticket once, within its time, and no other string', () => {
    let time = 1_000_000;
    const access = createAccess(() => time);
    const once = access.issueTicket();
    expect(access.redeemTicket(once)).toBe(true);
    expect(access.redeemTicket(once)).toBe(false);

    const late = access.issueTicket();
    time += TICKET_TTL_MS;
    expect(access.redeemTicket(late)).toBe(false);

    expect(access.redeemTicket(null)).toBe(false);
    expect(access.redeemTicket(access.token)).toBe(false);
  });

  it('forgets the oldest unspent tickets past 64', () => {
    const access = createAccess();
    const first = access.issueTicket();
    for (let i = 0; i < 64; i++) access.issueTicket();
    expect(access.redeemTicket(first)).toBe(false);
    expect(access.redeemTicket(access.issueTicket())).toBe(true);
  });

  it("knows the bridge's own origins", () => {
    expect(originAllowed(undefined, 4000)).toBe(true);
    expect(originAllowed('http://127.0.0.1:4000', 4000)).toBe(true);
    expect(originAllowed('http://localhost:4000', 4000)).toBe(true);
    for (const origin of [
      'http://localhost:4001',
      'http://[::1]:4000',
      'null',
      'https://localhost:4000',
    ]) {
      expect(originAllowed(origin, 4000), origin).toBe(false);
    }
  });
});
