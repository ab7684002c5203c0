import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers/harness';
import type { AppPage } from './page-models/app';
import { ReportsPage } from './page-models/reports';

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('a failed webhook delivery, as the Deliveries tab shows it', () => {
  let harness: Harness;
  let app: AppPage | undefined;

  beforeAll(async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DELIVERY_MAX_ATTEMPTS: '1',
      REPORT_TIMEZONE: 'UTC',
    };
    for (const key of ['REDIS_URL', 'DATABASE_URL', 'SMTP_URL', 'REPORT_RECIPIENTS'])
      delete env[key];
    harness = await startHarness({ env });
  });

  afterAll(async () => {
    await app?.page.context().close();
    await harness?.close();
  });

  it('reads as a sentence, with the secret part of the URL hidden and the words intact', async () => {
    const port = await closedPort();
    const d = await harness.core.registry.call('reports.leads.sendNow', {
      params: { type: 'daily', gymId: 'gym-1', date: '2026-03-02' },
      method: 'webhook',
      recipients: [`http://127.0.0.1:${port}/hook/s3cr3t-T0ken-Value`],
    });
    const sentence = `Webhook http://127.0.0.1:${port}/hook/… could not be reached (connection refused): check the receiver is running`;
    expect(d).toMatchObject({ status: 'failed', error: sentence });

    app = await harness.open({ hash: '#/reports' });
    const reports = new ReportsPage(app);
    await reports.openTab('Deliveries');
    const row = reports.deliveryRows.first();
    await row.waitFor();
    await row.click();
    const error = reports.deliveryDetail.getByTestId('delivery-error');
    await error.waitFor();
    expect(await error.textContent()).toContain(sentence);
    const page = await reports.deliveryDetail.textContent();
    expect(page).not.toContain('s3cr3t');
    expect(page).not.toContain('***');
    await app.page.waitForTimeout(400); // the dialog's opening transition, for the picture
    await app.screenshot('delivery-webhook-unreachable');
    expect(app.consoleErrors).toEqual([]);
  });
});
