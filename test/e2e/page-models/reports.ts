import type { FrameLocator, Locator, Page } from 'playwright-core';
import type { AppPage } from './app';

export type ReportsTabName = 'Generate' | 'Templates' | 'Subscriptions' | 'Deliveries';

/** The Reports page, by roles and labels: its four tabs and what each holds. */
export class ReportsPage {
  readonly page: Page;

  constructor(readonly app: AppPage) {
    this.page = app.page;
  }

  tab(name: ReportsTabName): Locator {
    return this.page.getByRole('tab', { name });
  }

  async openTab(name: ReportsTabName): Promise<void> {
    await this.tab(name).click();
    await this.page.getByRole('tabpanel', { name }).waitFor();
  }

  get panel(): Locator {
    return this.page.getByRole('tabpanel');
  }

  // --- generate ------------------------------------------------------------------------

  get generateForm(): Locator {
    return this.page.getByRole('form', { name: 'Generate a report' });
  }

  async generate(options: {
    type?: 'Daily' | 'Weekly' | 'Custom period';
    date?: string;
    gymId: string;
    branchId?: string;
  }): Promise<void> {
    const form = this.generateForm;
    if (options.type) {
      await form.getByRole('combobox', { name: 'Report type' }).click();
      await this.page.getByRole('option', { name: options.type }).click();
    }
    if (options.date) await form.getByLabel(/^(Day|Week ending on)$/).fill(options.date);
    await form.getByRole('combobox', { name: 'Gym id' }).fill(options.gymId);
    if (options.branchId)
      await form.getByRole('combobox', { name: 'Branch id' }).fill(options.branchId);
    // Enter submits, as in any form.
    await form.getByRole('combobox', { name: 'Gym id' }).press('Enter');
  }

  get headlines(): Locator {
    return this.page.getByTestId('report-headlines');
  }

  /** A headline figure's value by its label ("Calls", "Leads created"…). */
  headline(label: string): Locator {
    return this.headlines
      .locator('div')
      .filter({ has: this.page.locator('dt', { hasText: label }) })
      .getByTestId('headline-value');
  }

  get reportSource(): Locator {
    return this.page.getByTestId('report-source');
  }

  get preview(): Locator {
    return this.page.getByTestId('generated-report').getByTestId('report-preview');
  }

  get previewFrame(): FrameLocator {
    return this.page.frameLocator('iframe[title="Report preview"]');
  }

  get savePdfButton(): Locator {
    return this.page.getByRole('button', { name: 'Save PDF' });
  }

  get pdfResult(): Locator {
    return this.page.getByTestId('pdf-result');
  }

  get sendNowButton(): Locator {
    return this.page.getByTestId('generated-report').getByRole('button', { name: 'Send now' });
  }

  get sendDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Send this report now' });
  }

  async sendNow(method: 'Email' | 'Slack' | 'Webhook', recipients: string[]): Promise<void> {
    await this.sendNowButton.click();
    const dialog = this.sendDialog;
    await dialog.waitFor();
    await dialog.locator('label').filter({ hasText: method }).click();
    const input = dialog.getByRole('combobox', { name: /Recipients|URLs/ });
    for (const r of recipients) {
      await input.fill(r);
      await input.press('Enter');
    }
    await dialog.getByRole('button', { name: 'Send now' }).click();
  }

  get sendResult(): Locator {
    return this.page.getByTestId('send-result');
  }

  // --- templates -----------------------------------------------------------------------

  get templateList(): Locator {
    return this.page.getByRole('navigation', { name: 'Templates' });
  }

  get templateBody(): Locator {
    return this.page.getByRole('textbox', { name: 'Template (Handlebars)' });
  }

  get templateSaveError(): Locator {
    return this.page.getByTestId('template-save-error');
  }

  // --- subscriptions -------------------------------------------------------------------

  get subscriptionDialog(): Locator {
    return this.page.getByRole('dialog', { name: /New subscription|Edit subscription/ });
  }

  get subscriptionRows(): Locator {
    return this.page.getByRole('table', { name: 'Subscriptions' }).getByTestId('subscription-row');
  }

  // --- deliveries ----------------------------------------------------------------------

  get deliveryRows(): Locator {
    return this.page.getByRole('table', { name: 'Deliveries' }).getByTestId('delivery-row');
  }

  async filterDeliveries(status: 'All' | 'Pending' | 'Sent' | 'Failed'): Promise<void> {
    await this.page
      .getByRole('radiogroup', { name: 'Show deliveries with status' })
      .locator('label')
      .filter({ hasText: new RegExp(`^${status}$`) })
      .click();
  }

  get deliveryDetail(): Locator {
    return this.page.getByRole('dialog').filter({ has: this.page.getByText(/^Delivery #\d+$/) });
  }
}
