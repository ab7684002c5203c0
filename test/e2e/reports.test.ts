import { existsSync, statSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tempPostgres, type TempPostgres } from '../../src/core/reports/leads/testing/databases';
import { startHarness, startSeededHarness, type Harness } from './helpers/harness';
import { startWebhookReceiver, type WebhookReceiver } from './helpers/webhook-receiver';
import type { AppPage } from './page-models/app';
import { ReportsPage } from './page-models/reports';

/** The test process's environment without sources or mail, one try per delivery. */
function env(): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = {
    ...process.env,
    DELIVERY_MAX_ATTEMPTS: '1',
    REPORT_TIMEZONE: 'UTC',
  };
  for (const key of ['REDIS_URL', 'DATABASE_URL', 'SMTP_URL', 'REPORT_RECIPIENTS']) delete e[key];
  return e;
}

const BROKEN_TEMPLATE = [
  '<h1>{{title}}</h1>',
  '<p>{{period.label}}</p>',
  '<p>{{#each staff}}{{userId}</p>',
  '{{/each}}',
].join('\n');

describe('reports page', () => {
  let harness: Harness;
  let receiver: WebhookReceiver;
  let app: AppPage | undefined;
  let gymId = '';
  let busyDay = '';

  beforeAll(async () => {
    harness = await startSeededHarness({ env: env() });
    receiver = await startWebhookReceiver(500);
    // The demo gym with the most calls, and its busiest day.
    const row = harness.core.store.sqlite
      .prepare(
        `SELECT gym_id AS gymId, substr(created_at, 1, 10) AS day, count(*) AS n
         FROM call_logs GROUP BY gym_id, day ORDER BY n DESC LIMIT 1`,
      )
      .get() as { gymId: string; day: string };
    gymId = row.gymId;
    busyDay = row.day;
  });

  afterEach(async () => {
    if (app) {
      expect(app.consoleErrors).toEqual([]);
      expect(app.dialogs).toEqual([]);
      expect(await app.cspViolations()).toEqual([]);
      await app.page.context().close();
      app = undefined;
    }
  });

  afterAll(async () => {
    await receiver?.close();
    await harness?.close();
  });

  it('generates a daily report for a demo gym: numbers, preview as mailed, PDF', async () => {
    app = await harness.open({ hash: '#/reports' });
    const reports = new ReportsPage(app);
    await app.expectPage('Reports');
    await reports.page.getByText('No report generated yet').waitFor();

    // Enter with the gym id missing: the field says what to do, nothing is asked of core.
    await reports.generateForm.getByRole('combobox', { name: 'Gym id' }).press('Enter');
    await reports.generateForm.getByText('Enter the gym id').waitFor();

    await reports.generate({ date: busyDay, gymId });
    const expected = await harness.core.registry.call('reports.leads.generate', {
      type: 'daily',
      gymId,
      date: busyDay,
    });
    expect(expected.report.calls.total).toBeGreaterThan(0);
    await reports
      .headline('Calls')
      .filter({ hasText: String(expected.report.calls.total) })
      .waitFor();
    expect(await reports.headline('Leads created').textContent()).toBe(
      String(expected.report.leads.created),
    );
    // Nothing configured: the local mirror answered, said as information, not as an error.
    await expect.poll(() => reports.reportSource.getAttribute('data-source')).toBe('local');
    expect(await reports.reportSource.textContent()).toContain('No PostgreSQL configured');

    // The preview is the mail's HTML in a frame that cannot run scripts.
    await reports.preview.waitFor();
    expect(await reports.preview.getAttribute('sandbox')).toBe('');
    const frame = reports.previewFrame;
    // The demo names its gyms: the header and the mail say the name, not the id.
    const gymName = (await harness.core.registry.call('gymNames.list')).items.find(
      (g) => g.gymId === gymId && g.branchId === null,
    )!.name!;
    await frame.locator('.masthead-meta').getByText(gymName).waitFor();
    expect(await reports.page.getByTestId('report-place').textContent()).toBe(
      `Gym ${gymName} · all branches · UTC`,
    );
    const text = (await frame.locator('body').textContent()) ?? '';
    expect(text).toContain(String(expected.report.calls.total));
    expect(await frame.locator('svg').count()).toBeGreaterThan(0);

    // The two converted figures are named for what they count, as in the PDF and the mail.
    expect(await reports.headline('Converted on the day').textContent()).toBe(
      String(expected.report.leads.converted),
    );
    expect(await reports.page.getByTestId('converted-note').textContent()).toContain(
      'the funnel and the status chart follow only the leads created on the day',
    );

    const title = reports.page.getByTestId('report-title');
    const before = {
      title: await title.boundingBox(),
      pdf: await reports.savePdfButton.boundingBox(),
    };
    await reports.savePdfButton.click();
    await reports.pdfResult.waitFor({ timeout: 60_000 });
    // The result shows under the header: the title and the buttons stay where they were.
    expect(await title.boundingBox()).toEqual(before.title);
    expect(await reports.savePdfButton.boundingBox()).toEqual(before.pdf);
    const result = await reports.pdfResult.boundingBox();
    expect(result!.y).toBeGreaterThan(before.pdf!.y + before.pdf!.height);
    await app.screenshot('reports-generate-pdf-result');
    const path =
      (await reports.pdfResult.locator('.mantine-Text-root').first().textContent()) ?? '';
    expect(path).toMatch(/\.pdf$/);
    expect(existsSync(path)).toBe(true);
    expect(await reports.pdfResult.textContent()).toMatch(/PDF saved \(\d/);
    expect(statSync(path).size).toBeGreaterThan(1000);
  });

  it('offers the gyms the lead tables hold, with counts, and then only that gym’s branches', async () => {
    app = await harness.open({ hash: '#/reports' });
    const reports = new ReportsPage(app);
    await app.expectPage('Reports');
    const { items } = await harness.core.registry.call('reports.leads.gyms');
    expect(items.length).toBeGreaterThan(1);
    const gym = items.find((g) => g.gymId === gymId)!;

    const field = reports.generateForm.getByRole('combobox', { name: 'Gym id' });
    await field.click();
    const options = app.page.getByRole('option');
    await expect.poll(() => options.count()).toBe(items.length);
    const option = options.filter({ hasText: gymId });
    expect(await option.textContent()).toContain(`${gym.leads.toLocaleString('en-US')} leads`);
    await option.click();
    expect(await field.inputValue()).toBe(gymId);

    await reports.generateForm.getByRole('combobox', { name: 'Branch id' }).click();
    // Each option names the branch (the demo's directory) above its id.
    const branchTexts = await app.page.getByRole('option').allTextContents();
    expect(branchTexts.map((t) => /[0-9a-f-]{36}/.exec(t)?.[0]).sort()).toEqual(
      gym.branches.map((b) => b.branchId).sort(),
    );
  });

  it('names a staff member, and the report preview shows the name instead of the id', async () => {
    app = await harness.open({ hash: '#/reports/staff' });
    const reports = new ReportsPage(app);
    const rows = reports.page.getByTestId('staff-row');
    await rows.first().waitFor();
    const listed = await harness.core.registry.call('staff.list');
    expect(await rows.count()).toBe(listed.items.length);
    // The busiest caller of the gym used above.
    const report = await harness.core.registry.call('reports.leads.generate', {
      type: 'daily',
      gymId,
      date: busyDay,
    });
    const top = report.report.staff[0]!.user_id;
    const field = reports.page.getByRole('textbox', { name: `Name for ${top}` });
    await field.fill('Morgan Vale');
    await field.press('Enter');
    await expect
      .poll(async () => (await harness.core.registry.call('staff.list')).items)
      .toContainEqual(expect.objectContaining({ userId: top, name: 'Morgan Vale' }));
    await reports.page.getByLabel('Saved').waitFor();

    await app.goto('#/reports');
    await reports.generate({ date: busyDay, gymId });
    await reports.previewFrame.locator('body').getByText('Morgan Vale').first().waitFor();
  });

  it('names a gym and a branch in Reports > Gyms, and the report header shows the names', async () => {
    app = await harness.open({ hash: '#/reports/gyms' });
    const reports = new ReportsPage(app);
    const rows = reports.page.getByTestId('gym-row');
    await rows.first().waitFor();
    const listed = await harness.core.registry.call('gymNames.list');
    expect(await rows.count()).toBe(listed.items.length);
    expect(await reports.page.locator('[data-testid="gym-row"][data-kind="gym"]').count()).toBe(2);
    const branch = listed.items.find((i) => i.gymId === gymId && i.branchId !== null)!;
    const gymField = reports.page.getByRole('textbox', { name: `Name for gym ${gymId}` });
    expect(await gymField.inputValue()).not.toBe('');
    await gymField.fill('Harbour <Gym> & Spa');
    await gymField.press('Enter');
    const branchField = reports.page.getByRole('textbox', {
      name: `Name for branch ${branch.branchId}`,
    });
    await branchField.fill('Pier 4');
    await branchField.press('Enter');
    await expect
      .poll(async () => (await harness.core.registry.call('gymNames.list')).items)
      .toContainEqual(
        expect.objectContaining({ gymId, branchId: branch.branchId, name: 'Pier 4' }),
      );
    await app.screenshot('reports-gyms');

    await app.goto('#/reports');
    await reports.generate({ date: busyDay, gymId, branchId: branch.branchId! });
    await reports.page
      .getByTestId('report-place')
      .filter({ hasText: 'Gym Harbour <Gym> & Spa · branch Pier 4 · UTC' })
      .waitFor();
    const body = reports.previewFrame.locator('body');
    const masthead = reports.previewFrame.locator('.masthead-meta');
    await masthead.getByText('Harbour <Gym> & Spa').waitFor();
    expect(await masthead.textContent()).toContain('BranchPier 4');
    expect(await body.innerHTML()).toContain('Harbour &lt;Gym&gt; &amp; Spa');
    // The ids are gone from the header; the gym field still says whose the id is.
    expect(await masthead.textContent()).not.toContain(gymId);
    await reports.generateForm.getByText('Harbour <Gym> & Spa').waitFor();

    // The demo's names back, for the tests after this one.
    const demoGym = listed.items.find((i) => i.gymId === gymId && i.branchId === null)!;
    await harness.core.registry.call('gymNames.save', { ...demoGym, name: demoGym.name! });
    await harness.core.registry.call('gymNames.save', { ...branch, name: branch.name! });
  });

  it('refuses a broken template with its line, keeps the text and puts the caret there', async () => {
    app = await harness.open({ hash: '#/reports/templates' });
    const reports = new ReportsPage(app);
    // Built-ins are marked and read-only.
    const builtin = reports.templateList.getByTestId('template-item').first();
    await builtin.getByText('Built-in', { exact: true }).waitFor();
    await expect.poll(() => reports.templateBody.getAttribute('readonly')).not.toBeNull();
    await reports.page.getByRole('form', { name: 'Built-in template' }).waitFor();
    expect(await reports.page.getByRole('button', { name: 'Delete' }).count()).toBe(0);

    await reports.templateList.getByRole('button', { name: 'New template' }).click();
    await reports.page.getByRole('textbox', { name: 'Name' }).fill('Broken on purpose');
    await reports.templateBody.fill(BROKEN_TEMPLATE);
    // The live preview says where it stopped while typing…
    await reports.page.getByTestId('preview-problem').getByText('line 3').waitFor();
    // …and saving is refused with the line, next to the editor.
    await reports.page.getByRole('button', { name: 'Save', exact: true }).click();
    await reports.templateSaveError.waitFor();
    expect(await reports.templateSaveError.getAttribute('data-line')).toBe('3');
    expect(await reports.templateSaveError.textContent()).toContain('line 3');
    expect(await reports.templateBody.inputValue()).toBe(BROKEN_TEMPLATE);
    const caretLine = await reports.templateBody.evaluate(
      (el: HTMLTextAreaElement) => el.value.slice(0, el.selectionStart).split('\n').length,
    );
    expect(caretLine).toBe(3);
    const { items } = await harness.core.registry.call('templates.list', {});
    expect(items.map((t) => t.name)).not.toContain('Broken on purpose');

    // Fixed, it saves and joins the list.
    await reports.templateBody.fill(BROKEN_TEMPLATE.replace('{{userId}', '{{userId}}'));
    await reports.page.getByRole('button', { name: 'Save', exact: true }).click();
    await reports.templateList.getByText('Broken on purpose').waitFor();
    await reports.page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  });

  it('creates a subscription and lists it', async () => {
    app = await harness.open({ hash: '#/reports/subscriptions' });
    const reports = new ReportsPage(app);
    await reports.page.getByText('No subscriptions yet — create one').waitFor();
    // No team database here: the page says the subscriptions stay on this computer.
    expect(await reports.page.getByTestId('subscriptions-storage').textContent()).toMatch(
      /kept on this computer/,
    );
    await reports.page.getByRole('button', { name: 'New subscription' }).click();
    const dialog = reports.subscriptionDialog;
    await dialog.waitFor();
    await dialog.getByRole('combobox', { name: 'Gym id' }).fill(gymId);
    await dialog.getByRole('combobox', { name: 'Report', exact: true }).click();
    await reports.page.getByRole('option', { name: /Weekly/ }).click();
    const recipients = dialog.getByRole('combobox', { name: 'Recipients' });
    await recipients.fill('not-an-address');
    await recipients.press('Enter');
    await dialog.getByRole('button', { name: 'Create subscription' }).click();
    // Checked here with the contract's rules, before core is asked.
    await dialog.getByText('A weekly report needs at least one day.').waitFor();
    await dialog.getByText(/Recipient "not-an-address" is not an email address/).waitFor();
    await recipients.press('Backspace');
    await recipients.fill('manager@ironworks.example');
    await recipients.press('Enter');
    await dialog.getByRole('checkbox', { name: 'Mon' }).check();
    await dialog.getByRole('textbox', { name: 'Delivery time' }).fill('07:30');
    await dialog.getByRole('button', { name: 'Create subscription' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await reports.subscriptionRows.first().waitFor();
    expect(await reports.subscriptionRows.count()).toBe(1);
    const row = reports.subscriptionRows.first();
    expect(await row.textContent()).toContain('manager@ironworks.example');
    expect(await row.textContent()).toContain('07:30, Mon');
    // The gym by its directory name (the demo names its gyms), the id in the tooltip.
    const names = (await harness.core.registry.call('gymNames.list')).items;
    expect(await row.textContent()).toContain(
      names.find((g) => g.gymId === gymId && g.branchId === null)!.name,
    );
    const { items } = await harness.core.registry.call('subscriptions.list');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      gymId,
      reportType: 'weekly',
      deliveryMethod: 'email',
      recipients: ['manager@ironworks.example'],
      deliveryDays: ['mon'],
      active: true,
    });

    // The switch pauses it.
    await row.getByRole('switch').click({ force: true });
    await expect
      .poll(async () => (await harness.core.registry.call('subscriptions.list')).items[0]?.active)
      .toBe(false);
  });

  it('shows a failed webhook delivery and retries it once the receiver is back', async () => {
    receiver.status = 500;
    app = await harness.open({ hash: '#/reports' });
    const reports = new ReportsPage(app);
    await reports.generate({ date: busyDay, gymId });
    await reports.headlines.waitFor();
    await reports.sendNow('Webhook', [receiver.url]);
    await reports.sendResult.waitFor({ timeout: 30_000 });
    expect(await reports.sendResult.getAttribute('data-status')).toBe('failed');
    expect(await reports.sendResult.textContent()).toContain('500');
    expect(receiver.bodies).toHaveLength(1);

    await reports.sendResult.getByRole('link', { name: 'Deliveries' }).click();
    await reports.filterDeliveries('Failed');
    const row = reports.deliveryRows.filter({ hasText: 'Webhook' }).first();
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('failed');
    await row.click();
    const detail = reports.deliveryDetail;
    await detail.getByTestId('delivery-error').waitFor();
    expect(await detail.getByTestId('delivery-log-entry').count()).toBeGreaterThanOrEqual(3);
    await detail.getByTestId('delivery-recipient').first().waitFor();

    receiver.status = 200;
    await detail.getByRole('button', { name: 'Retry' }).click();
    // Live: the badge in the dialog follows the delivery to "Sent".
    await detail.locator('[data-status="sent"]').first().waitFor({ timeout: 30_000 });
    expect(receiver.bodies).toHaveLength(2);
    expect(receiver.bodies[1]).toMatchObject({ report_type: 'daily', gym_id: gymId });
    await reports.page.keyboard.press('Escape');
    await detail.waitFor({ state: 'hidden' });
    // Filtered by "Failed", the list no longer holds it.
    await reports.page.getByText('No failed deliveries').waitFor();
    await reports.filterDeliveries('Sent');
    await reports.deliveryRows.first().waitFor();
  });
});

describe('reports page with a team database', () => {
  let harness: Harness;
  let team: TempPostgres;
  let app: AppPage | undefined;

  beforeAll(async () => {
    team = await tempPostgres('e2e_team');
    harness = await startHarness({ env: { ...env(), DATABASE_URL: team.url } });
    // A subscription made on this computer before the team database was set.
    harness.core.store.sqlite
      .prepare(
        `INSERT INTO subscriptions (gym_id, report_type, active, delivery_method, recipients,
           delivery_time, timezone, skip_when_empty, created_by)
         VALUES ('gym-from-before', 'daily', 1, 'email', '["early@example.com"]', '08:00', 'UTC', 0, 'me')`,
      )
      .run();
  });

  afterEach(async () => {
    if (app) {
      expect(app.consoleErrors).toEqual([]);
      expect(await app.cspViolations()).toEqual([]);
      await app.page.context().close();
      app = undefined;
    }
  });

  afterAll(async () => {
    await harness?.close();
    await team?.drop();
  });

  it('offers to move subscriptions left on this computer into the team database', async () => {
    app = await harness.open({ hash: '#/reports/subscriptions' });
    const reports = new ReportsPage(app);
    const alert = reports.page.getByTestId('local-leftovers');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/One subscription was made here/);
    expect(await reports.page.getByTestId('subscriptions-storage').textContent()).toMatch(
      /kept in the team database/,
    );
    expect(await app.seriousAxeIssues()).toEqual([]);
    const dark = await harness.open({ hash: '#/reports/subscriptions', colorScheme: 'dark' });
    await dark.page.getByTestId('local-leftovers').waitFor();
    await dark.screenshot('reports-local-leftovers-dark');
    expect(await dark.seriousAxeIssues()).toEqual([]);
    await dark.page.context().close();

    await alert.getByRole('button', { name: 'Move to the team database' }).click();
    await reports.page.getByRole('status').filter({ hasText: 'Moved 1 subscription' }).waitFor();
    await reports.subscriptionRows.first().waitFor();
    expect(await reports.subscriptionRows.first().textContent()).toContain('early@example.com');
    const rows = await team.pool.query('SELECT gym_id, active FROM leadwatch.subscriptions');
    expect(rows.rows).toEqual([{ gym_id: 'gym-from-before', active: true }]);
    expect(await alert.count()).toBe(0);
  });
});
