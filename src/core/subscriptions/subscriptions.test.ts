import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { createCore, type Core } from '../core';

const temp = makeTempDir('leadwatch-subscriptions-');
let core: Core;

beforeAll(() => {
  core = createCore({ dataDir: temp.dir, env: { REPORT_TIMEZONE: 'UTC' } });
});

afterAll(() => {
  core.close();
  temp.cleanup();
});

const weekly = {
  gymId: 'f47ac10b-58cc-4372-a567-0e02b2c3d479',
  branchId: '550e8400-e29b-41d4-a716-446655440000',
  reportType: 'weekly' as const,
  deliveryMethod: 'email' as const,
  recipients: ['manager@example.com'],
  deliveryTime: '09:00',
  deliveryDays: ['mon' as const],
  timezone: 'Europe/London',
  createdBy: 'owner@example.com',
};

describe('subscriptions through the contract', () => {
  it('saves, lists, updates and deletes, with the next run in the subscription’s zone', async () => {
    const saved = await core.registry.call('subscriptions.save', weekly);
    expect(saved).toMatchObject({
      ...weekly,
      active: true,
      skipWhenEmpty: false,
      templateId: null,
    });
    expect(saved.nextRunAt).toMatch(/T09:00:00\.000Z$/); // London is UTC in winter
    expect(new Date(saved.nextRunAt!).getUTCDay()).toBe(1);

    const updated = await core.registry.call('subscriptions.save', {
      ...weekly,
      id: saved.id,
      deliveryTime: '17:30',
      active: false,
    });
    expect(updated.id).toBe(saved.id);
    expect(updated.nextRunAt).toBeNull();
    expect((await core.registry.call('subscriptions.list')).items).toEqual([updated]);

    expect(await core.registry.call('subscriptions.delete', { id: saved.id })).toEqual({
      id: saved.id,
    });
    expect((await core.registry.call('subscriptions.list')).items).toEqual([]);
    const again = await core.registry.dispatch('subscriptions.delete', { id: saved.id });
    expect(again).toMatchObject({ ok: false, error: { type: 'not_found' } });
  });

  it.each([
    [{ timezone: 'Mars/Olympus' }, /Unknown time zone/],
    [{ deliveryDays: [] }, /weekly needs a day/],
    [{ deliveryTime: '9:00' }, /HH:mm/],
    [{ deliveryTime: '24:00' }, /HH:mm/],
    [{ recipients: ['not-an-address'] }, /not an email address/],
    [{ deliveryMethod: 'webhook', recipients: [] }, /a webhook needs a URL/],
    [{ deliveryMethod: 'slack', recipients: ['ftp://x'] }, /not an http\(s\) URL/],
    [{ templateId: 999 }, /template 999 does not exist/],
  ])('refuses %o', async (change, message) => {
    const r = await core.registry.dispatch('subscriptions.save', { ...weekly, ...change });
    expect(r).toMatchObject({ ok: false, error: { type: 'invalid_input' } });
    if (!r.ok) expect(r.error.message).toMatch(message);
  });

  it('deleting a subscription keeps its delivery history', async () => {
    const sub = await core.registry.call('subscriptions.save', {
      ...weekly,
      deliveryMethod: 'webhook',
      recipients: ['http://127.0.0.1:9/hook'], // nothing listens: the try fails quickly
    });
    const d = await core.registry.call('reports.leads.sendNow', { subscriptionId: sub.id });
    expect(d.subscriptionId).toBe(sub.id);
    expect(d.status).toBe('pending');
    await core.registry.call('subscriptions.delete', { id: sub.id });
    const kept = await core.registry.call('deliveries.get', { id: d.id });
    expect(kept.subscriptionId).toBe(sub.id); // from the delivery's own snapshot
    const list = await core.registry.call('deliveries.list', { status: 'pending' });
    expect(list.items.map((i) => i.id)).toContain(d.id);
  });
});
