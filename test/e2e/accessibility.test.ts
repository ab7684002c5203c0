import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/rpc/errors';
import { startSeededHarness, type Harness } from './helpers/harness';
import { insertSessions } from './helpers/store-fixtures';
import { startWebhookReceiver, type WebhookReceiver } from './helpers/webhook-receiver';
import type { AppPage } from './page-models/app';
import { ReportsPage } from './page-models/reports';

interface Screen {
  name: string;
  hash: string;
  /** Waits until the page shows its content, not a skeleton. */
  ready: (app: AppPage) => Promise<void>;
  screenshot?: string;
  /** More to capture once the first screenshot is taken (e.g. further down the page). */
  after?: (app: AppPage, theme: string) => Promise<void>;
  /** Stubs core methods for this screen only (states core cannot reach here, e.g. Redis down). */
  setup?: () => void;
}

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();

/** A scored lead with every kind of reason, for the session detail's lead card. */
const REASONED_SESSION = {
  sourceId: 'a11y-reasons',
  visitorName: 'Priya Nair',
  email: 'priya.nair@northwind.example',
  organization: 'Northwind Traders',
  priority: 'critical' as const,
  leadScore: 27,
  engagementScore: 0.82,
  totalQueries: 4,
  scoreReasons: [
    { rule: 'pricing', points: 6, detail: 'asked about pricing: “what does the team plan cost”' },
    { rule: 'demo', points: 6, detail: 'asked for a demo, trial or call: “can we book a demo”' },
    { rule: 'buying', points: 5, detail: 'talked about buying: “ready to sign this month”' },
    { rule: 'urgency', points: 4, detail: 'needs it soon: “this week”' },
    { rule: 'contact_email', points: 3, detail: 'gave an email address' },
    { rule: 'engagement_turns', points: 5, detail: '6 visitor turns, 84 words' },
    { rule: 'slow_replies', points: -2, detail: 'took over 10 minutes to answer twice' },
  ],
  messages: [
    { sender: 'user' as const, text: 'Hi, what does the team plan cost for 40 seats?' },
    { sender: 'bot' as const, text: 'The team plan is $49 per seat per month, billed yearly.' },
    {
      sender: 'user' as const,
      text: 'Can we book a demo this week? We are ready to sign this month.',
    },
    { sender: 'bot' as const, text: 'Of course. Which day suits you?' },
    { sender: 'user' as const, text: 'Thursday works. Reach me at priya.nair@northwind.example' },
    { sender: 'bot' as const, text: 'Booked for Thursday. A colleague will confirm by email.' },
  ],
};

const THEMES = ['light', 'dark'] as const;

describe('accessibility and screenshots', () => {
  let harness: Harness;
  let receiver: WebhookReceiver;
  let sessionId = '';
  let screens: Screen[] = [];

  beforeAll(async () => {
    harness = await startSeededHarness();
    const { items } = await harness.core.registry.call('sessions.list', { limit: 50 });
    // A session worth looking at: a named, hot lead with a real conversation.
    const rich = items.filter(
      (item) => item.visitorName && item.organization && item.messageCount >= 6 && item.priority,
    );
    const hot = rich.find((item) => item.priority === 'high' || item.priority === 'critical');
    const chosen = hot ?? rich[0] ?? items[0];
    if (!chosen) throw new Error('demo data has no sessions');
    sessionId = chosen.id;
    insertSessions(harness.core, [{ ...REASONED_SESSION, lastInteractionAt: minutesAgo(12) }]);
    const reports = await seedReports(harness, (receiver = await startWebhookReceiver(200)));
    const sourcesWithTrouble = () =>
      harness.stub('sync.status', () => ({
        sources: [
          {
            source: 'redis',
            configured: true,
            reachable: true,
            lastSyncedAt: minutesAgo(2),
            lastError: null,
          },
          {
            source: 'postgres',
            configured: true,
            reachable: false,
            lastSyncedAt: minutesAgo(90),
            lastError: 'connect ECONNREFUSED 127.0.0.1:5432',
          },
        ],
      }));
    screens = [
      {
        name: 'dashboard',
        hash: '#/dashboard',
        ready: (app) => app.page.getByRole('heading', { name: 'Recent sessions' }).waitFor(),
        screenshot: 'dashboard',
      },
      {
        name: 'sessions list',
        hash: '#/sessions',
        ready: (app) => app.sessionRows.first().waitFor(),
        screenshot: 'sessions-list',
      },
      {
        name: 'session transcript',
        hash: `#/sessions/${sessionId}`,
        ready: async (app) => {
          await app.transcriptMessages.first().waitFor();
          await app.sessionRows.first().waitFor();
        },
        screenshot: 'transcript',
      },
      {
        name: 'search results',
        hash: '#/sessions?q=price',
        ready: (app) => app.sessionTotal.filter({ hasText: 'match' }).waitFor(),
      },
      {
        name: 'hot leads drawer',
        hash: '#/dashboard',
        ready: async (app) => {
          await app.hotLeadsCard.getByTestId('hot-lead').first().waitFor();
          await app.hotLeadsButton.click();
          await app.hotLeadsDrawer.getByTestId('hot-lead').first().waitFor();
        },
        screenshot: 'hot-leads',
      },
      {
        name: 'hot lead notification',
        hash: '#/reports',
        ready: async (app) => {
          await app.hotLeadCount();
          await app.eventsReady();
          harness.core.events.emit('lead.priorityRaised', {
            sessionId: 'demo:a11y-reasons',
            visitorName: 'Priya Nair',
            from: 'high',
            to: 'critical',
          });
          await app.notification('Priya Nair is now a critical lead').waitFor();
        },
        screenshot: 'lead-alert',
      },
      {
        name: 'session with scoring reasons',
        hash: '#/sessions/demo:a11y-reasons',
        ready: (app) => app.scoreReasons.waitFor(),
        screenshot: 'session-reasons',
      },
      {
        name: 'send-now confirmation',
        hash: '#/sessions/demo:a11y-reasons',
        ready: async (app) => {
          await app.endSessionButton.click();
          await app.endSessionConfirm.getByRole('button', { name: 'Send report now' }).waitFor();
        },
      },
      {
        name: 'send-now error',
        hash: '#/sessions/demo:a11y-reasons',
        setup: () =>
          harness.stub('sessions.endNow', () => {
            throw new AppError('unavailable', 'Reports are not connected in this build yet.');
          }),
        ready: async (app) => {
          await app.endSessionButton.click();
          await app.endSessionConfirm.getByRole('button', { name: 'Send report now' }).click();
          await app.sessionDetail.getByTestId('action-error').waitFor();
        },
        screenshot: 'send-now-error',
      },
      {
        name: 'sync status and results',
        hash: '#/sessions',
        setup: () => {
          sourcesWithTrouble();
          harness.stub('sync.run', () => ({
            results: [
              {
                source: 'redis',
                scanned: 240,
                inserted: 12,
                updated: 30,
                unchanged: 196,
                vanished: 1,
                failed: [{ id: 'redis:broken-7', error: 'last_interaction is not a timestamp' }],
                durationMs: 2380,
                error: null,
              },
              {
                source: 'postgres',
                scanned: 0,
                inserted: 0,
                updated: 0,
                unchanged: 0,
                vanished: 0,
                failed: [],
                durationMs: 5003,
                error: 'connect ECONNREFUSED 127.0.0.1:5432',
              },
            ],
          }));
        },
        ready: async (app) => {
          await app.syncStatus.locator('[data-source="postgres"]').waitFor();
          await app.syncNowButton.click();
          await app.syncDialog.getByTestId('sync-result').first().waitFor();
        },
        screenshot: 'sync-dialog',
      },
      {
        name: 'sources in settings',
        hash: '#/settings',
        setup: sourcesWithTrouble,
        ready: async (app) => {
          const section = app.page.getByRole('region', { name: 'Sources and sync' });
          await section.getByText('PostgreSQL unreachable', { exact: false }).waitFor();
        },
      },
      { name: 'leads', hash: '#/leads', ready: (app) => app.expectPage('Leads') },
      {
        name: 'reports: generate',
        hash: '#/reports',
        ready: async (app) => {
          const page = new ReportsPage(app);
          await page.generate({ date: reports.day, gymId: reports.gymId });
          await page.headlines.waitFor();
          await page.previewFrame.locator('svg').first().waitFor();
        },
        screenshot: 'reports-generate',
        after: async (app, theme) => {
          await app.page
            .getByRole('region', { name: 'Preview as mailed' })
            .scrollIntoViewIfNeeded();
          await app.page.waitForTimeout(150);
          await app.screenshot(`reports-generate-preview-${theme}`);
        },
      },
      {
        name: 'reports: templates',
        hash: '#/reports/templates',
        ready: async (app) => {
          const page = new ReportsPage(app);
          await page.templateList.getByText('Compact daily').click();
          await page.templateBody.waitFor();
          await page.page.frameLocator('iframe[title="Template preview"]').locator('h1').waitFor();
        },
        screenshot: 'reports-templates',
      },
      {
        name: 'reports: subscriptions',
        hash: '#/reports/subscriptions',
        ready: (app) => new ReportsPage(app).subscriptionRows.first().waitFor(),
        screenshot: 'reports-subscriptions',
      },
      {
        name: 'reports: staff',
        hash: '#/reports/staff',
        ready: (app) => app.page.getByTestId('staff-row').first().waitFor(),
        screenshot: 'reports-staff',
      },
      {
        name: 'reports: gyms',
        hash: '#/reports/gyms',
        ready: (app) => app.page.getByTestId('gym-row').first().waitFor(),
        screenshot: 'reports-gyms-directory',
      },
      {
        name: 'reports: subscription form',
        hash: '#/reports/subscriptions',
        ready: async (app) => {
          const page = new ReportsPage(app);
          await page.subscriptionRows.first().waitFor();
          await app.page.getByRole('button', { name: 'New subscription' }).click();
          await page.subscriptionDialog
            .getByRole('button', { name: 'Create subscription' })
            .click();
          await page.subscriptionDialog.getByText('Enter the gym id.').waitFor();
        },
        screenshot: 'reports-subscription-form',
      },
      {
        name: 'reports: deliveries',
        hash: '#/reports/deliveries',
        ready: (app) => new ReportsPage(app).deliveryRows.nth(1).waitFor(),
        screenshot: 'reports-deliveries',
      },
      {
        name: 'reports: delivery details',
        hash: '#/reports/deliveries',
        ready: async (app) => {
          const page = new ReportsPage(app);
          await page.deliveryRows.filter({ hasText: 'Retry' }).first().click();
          await page.deliveryDetail.getByTestId('delivery-log-entry').first().waitFor();
        },
        screenshot: 'reports-delivery-detail',
      },
      {
        name: 'settings',
        hash: '#/settings',
        ready: (app) => app.page.getByRole('heading', { name: 'Local store' }).waitFor(),
        screenshot: 'settings',
        after: async (app, theme) => {
          await app.page.getByRole('heading', { name: 'Connections' }).scrollIntoViewIfNeeded();
          await app.page.mouse.wheel(0, 200);
          await app.page.waitForTimeout(150);
          await app.screenshot(`settings-connections-${theme}`);
        },
      },
    ];
  });

  afterAll(async () => {
    await receiver?.close();
    await harness?.close();
  });

  for (const theme of THEMES) {
    it(`has no serious or critical axe violations on any page in the ${theme} theme`, async () => {
      await harness.core.registry.call('settings.set', { theme });
      const app = await harness.open({ colorScheme: theme });
      const problems: Record<string, unknown> = {};
      for (const screen of screens) {
        harness.unstub();
        screen.setup?.();
        // A fresh load per screen: dialogs and sync state from the last one must not linger
        // (a hash-only change would keep the page and its state).
        await app.page.goto('about:blank');
        await app.goto(screen.hash);
        await screen.ready(app);
        expect(await app.colorScheme()).toBe(theme);
        // Let transitions settle, so axe and the screenshot see final colours.
        await app.page.waitForTimeout(250);
        if (screen.screenshot) {
          await app.screenshot(`${screen.screenshot}-${theme}`);
          await screen.after?.(app, theme);
        }
        const issues = await app.seriousAxeIssues();
        if (issues.length) problems[screen.name] = issues;
      }
      harness.unstub();
      expect(problems).toEqual({});
      expect(app.consoleErrors).toEqual([]);
      expect(await app.cspViolations()).toEqual([]);
      // Twenty screens, axe on each: slower than one interaction, above all on a busy CI machine.
    }, 420_000);
  }
});

/**
 * What the Reports screens show: a demo gym and its busiest day, a custom template, a
 * subscription, and two deliveries (one sent, one failed to an unreachable webhook).
 */
async function seedReports(harness: Harness, receiver: WebhookReceiver) {
  const busiest = harness.core.store.sqlite
    .prepare(
      `SELECT gym_id AS gymId, substr(created_at, 1, 10) AS day, count(*) AS n
       FROM call_logs GROUP BY gym_id, day ORDER BY n DESC LIMIT 1`,
    )
    .get() as { gymId: string; day: string };
  const { gymId, day } = busiest;
  await harness.core.registry.call('templates.save', {
    name: 'Compact daily',
    kind: 'leads_daily',
    body: '<h1>{{title}} · {{gym}}</h1>\n<p>{{period.label}}</p>\n{{#each kpis}}<p>{{label}}: {{value}}</p>{{/each}}',
  });
  await harness.core.registry.call('subscriptions.save', {
    gymId,
    reportType: 'weekly',
    deliveryMethod: 'email',
    recipients: ['manager@ironworks.example', 'owner@ironworks.example'],
    deliveryTime: '07:30',
    deliveryDays: ['mon', 'thu'],
    timezone: 'America/New_York',
  });
  const params = { type: 'daily' as const, gymId, date: day };
  await harness.core.registry.call('reports.leads.sendNow', {
    params,
    method: 'webhook',
    recipients: [receiver.url],
  });
  const failed = await harness.core.registry.call('reports.leads.sendNow', {
    params,
    method: 'webhook',
    // Nothing listens on port 9 (discard): refused at once.
    recipients: ['http://127.0.0.1:9/hooks/leads'],
  });
  // The failed one gets its last try at once, so the history shows "Failed" with Retry.
  for (let i = 1; i < failed.maxAttempts; i++) {
    harness.core.store.sqlite
      .prepare('UPDATE deliveries SET next_attempt_at = ? WHERE id = ?')
      .run(new Date(0).toISOString(), failed.id);
    await harness.core.deliveries.runner.runOne(failed.id);
  }
  return { gymId, day };
}
