import { describe, expect, it } from 'vitest';
import { fieldError, formErrors } from './field-rules';

describe('settings field rules', () => {
  it('says in words what is wrong, with the contract’s bounds', () => {
    expect(fieldError('inactivityMinutes', 0)).toBe(
      'Enter a whole number of minutes from 1 to 1,440.',
    );
    expect(fieldError('inactivityMinutes', Number.NaN)).toBe(
      'Enter a whole number of minutes from 1 to 1,440.',
    );
    expect(fieldError('monitorIntervalSeconds', 2)).toBe(
      'Enter a whole number of seconds from 5 to 3,600.',
    );
    expect(fieldError('reportRecipients', ['ok@example.com', 'not-an-address'])).toBe(
      'Not an e-mail address: not-an-address. Enter one plain address each.',
    );
    expect(fieldError('botName', '')).toBe('Give the bot a name, up to 80 characters.');
  });

  it('passes what core would accept', () => {
    expect(
      formErrors({
        inactivityMinutes: 15,
        monitorIntervalSeconds: 60,
        reportRecipients: ['a@example.com'],
      }),
    ).toEqual({});
  });
});
