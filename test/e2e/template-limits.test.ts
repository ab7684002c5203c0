import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers/harness';
import type { AppPage } from './page-models/app';
import { ReportsPage } from './page-models/reports';

describe('template editor: a template nested too deep', () => {
  let harness: Harness;
  let app: AppPage | undefined;

  beforeAll(async () => {
    harness = await startHarness();
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
  });

  it('is refused at once with the line of the first block too many, the text kept', async () => {
    app = await harness.open({ hash: '#/reports/templates' });
    const reports = new ReportsPage(app);
    await reports.templateList.getByRole('button', { name: 'New template' }).click();
    await reports.page.getByRole('textbox', { name: 'Name' }).fill('Nested too deep');
    // The probe's shape: 6,000 nested {{#if}} (core used to spend 32 s on it).
    const deep =
      '<h1>{{title}}</h1>\n' + '{{#if hasStaff}}\n'.repeat(6000) + 'x' + '{{/if}}'.repeat(6000);
    // Pasted in one go (Playwright's fill takes seconds per thousand lines; the page does not).
    await reports.templateBody.evaluate((el: HTMLTextAreaElement, text: string) => {
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(el, text);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, deep);
    await reports.page.getByTestId('preview-problem').getByText('line 52').waitFor();

    const start = Date.now();
    await reports.page.getByRole('button', { name: 'Save', exact: true }).click();
    await reports.templateSaveError.waitFor();
    expect(Date.now() - start).toBeLessThan(2000);
    expect(await reports.templateSaveError.getAttribute('data-line')).toBe('52');
    expect(await reports.templateSaveError.textContent()).toContain(
      'line 52: blocks are nested more than 50 deep: {{#if hasStaff}} opens level 51',
    );
    expect(await reports.templateBody.inputValue()).toBe(deep);
    const caretLine = await reports.templateBody.evaluate(
      (el: HTMLTextAreaElement) => el.value.slice(0, el.selectionStart).split('\n').length,
    );
    expect(caretLine).toBe(52);
    // The selected line shows from its start (the paste left the caret at the far right of
    // the 42,000-character last line), and the page kept the message above it in view.
    expect(await reports.templateBody.evaluate((el: HTMLTextAreaElement) => el.scrollLeft)).toBe(0);
    expect((await reports.templateSaveError.boundingBox())?.y).toBeGreaterThan(0);
    await app.screenshot('reports-template-nesting-error');
  });
});
