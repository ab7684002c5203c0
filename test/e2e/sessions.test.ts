import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSeededHarness, type Harness } from './helpers/harness';
import { insertSessions } from './helpers/store-fixtures';
import type { AppPage } from './page-models/app';

const HOSTILE = '<script>alert(1)</script><b>bold</b>';

/**
 * A word that some demo transcripts use and others do not, found in the store so the test
 * holds whatever the generator writes. Every match must come from a message (a snippet).
 */
async function distinctiveWord(harness: Harness): Promise<{ word: string; total: number }> {
  const all = await harness.core.registry.call('sessions.list', { limit: 1 });
  const rows = harness.core.store.sqlite
    .prepare("SELECT text FROM chat_messages WHERE sender = 'user' ORDER BY id LIMIT 400")
    .all() as { text: string }[];
  const words = [
    ...new Set(rows.flatMap((r) => r.text.toLowerCase().match(/\b[a-z]{7,}\b/g) ?? [])),
  ];
  for (const word of words) {
    const found = await harness.core.registry.call('sessions.list', { query: word, limit: 500 });
    if (found.total >= 2 && found.total < all.total / 2 && found.items.every((s) => s.snippet)) {
      return { word, total: found.total };
    }
  }
  throw new Error('No distinctive word in the demo transcripts');
}

describe('sessions', () => {
  let harness: Harness;
  let app: AppPage | undefined;

  beforeAll(async () => {
    harness = await startSeededHarness();
    insertSessions(harness.core, [
      {
        sourceId: 'hostile',
        visitorName: `Mallory ${HOSTILE}`,
        email: 'mallory@example.com',
        organization: '<img src=x onerror=alert(2)>',
        priority: 'critical',
        leadScore: 90,
        // Older than the demo data, so it is not the first row by accident.
        lastInteractionAt: '2020-01-01T10:00:00.000Z',
        messages: [
          { sender: 'user', text: `Hi ${HOSTILE}` },
          { sender: 'bot', text: 'Hello! How can I help?' },
          { sender: 'user', text: '<a href="javascript:alert(3)">click</a> & "quotes"' },
        ],
      },
      {
        sourceId: 'highlight',
        visitorName: 'Hana Highlight',
        priority: 'low',
        lastInteractionAt: '2020-01-02T10:00:00.000Z',
        messages: [
          { sender: 'user', text: 'Do you ship <b>zebrafish</b> tanks & <mark>filters</mark>?' },
          { sender: 'bot', text: 'Yes, zebrafish tanks ship in two days.' },
        ],
      },
    ]);
  });

  afterEach(async () => {
    if (app) {
      expect(app.consoleErrors).toEqual([]);
      expect(await app.cspViolations()).toEqual([]);
      expect(app.dialogs).toEqual([]);
    }
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('lists the demo sessions with visitor, time, message count and priority', async () => {
    const expected = await harness.core.registry.call('sessions.list', { limit: 100 });
    app = await harness.open({ hash: '#/sessions' });
    await app.sessionRows.first().waitFor();
    expect(await app.totalShown()).toBe(expected.total);

    const first = expected.items[0]!;
    const row = app.sessionRows.first();
    expect(await row.getAttribute('data-session-id')).toBe(first.id);
    const text = (await row.textContent()) ?? '';
    expect(text).toContain(first.visitorName ?? 'Anonymous visitor');
    expect(text).toContain(String(first.messageCount));
    if (first.priority)
      expect((await row.locator('[data-priority]').textContent())?.toLowerCase()).toBe(
        first.priority,
      );
    // Relative time on screen, the exact time on hover.
    expect(await row.locator('time').getAttribute('title')).toBeTruthy();
  });

  it('narrows the list to sessions whose transcript has the word, with a snippet', async () => {
    const { word, total } = await distinctiveWord(harness);
    app = await harness.open({ hash: '#/sessions' });
    const before = await app.totalShown();
    await app.sessionSearch.fill(word);
    await app.sessionTotal
      .filter({ hasText: `${total} ${total === 1 ? 'match' : 'matches'}` })
      .waitFor();
    expect(total).toBeLessThan(before);
    // Virtualised: the rows in the DOM are the matches in view, never more than the matches.
    await expect.poll(() => app!.sessionRows.count()).toBeGreaterThan(0);
    expect(await app.sessionRows.count()).toBeLessThanOrEqual(total);
    const snippets = await app.sessionList.getByTestId('session-snippet').allTextContents();
    expect(snippets.length).toBeGreaterThan(0);
    for (const snippet of snippets) expect(snippet.toLowerCase()).toContain(word);
    // Each snippet marks the matched word (whole words: the search matches prefixes).
    const marks = await app.sessionList
      .locator('[data-testid="session-snippet"] mark')
      .allTextContents();
    expect(marks.length).toBeGreaterThanOrEqual(snippets.length);
    for (const mark of marks) expect(mark.toLowerCase().startsWith(word)).toBe(true);
    // The query is in the URL, so the search survives a reload.
    expect(decodeURIComponent(app.page.url())).toContain(`q=${word}`);
  });

  it('highlights the matched words of a snippet, keeping markup from the message as text', async () => {
    app = await harness.open({ hash: '#/sessions' });
    await app.sessionSearch.fill('zebraf tank');
    const row = app.sessionList.locator('[data-session-id="demo:highlight"]');
    await row.waitFor();
    const snippet = row.getByTestId('session-snippet');
    expect(await snippet.textContent()).toBe(
      'Do you ship <b>zebrafish</b> tanks & <mark>filters</mark>?',
    );
    expect(await snippet.locator('mark').allTextContents()).toEqual(['zebrafish', 'tanks']);
    // The message's own tags are text: no <b>, and no <mark> but ours.
    expect(await snippet.locator('b').count()).toBe(0);
    expect(await snippet.innerHTML()).toContain('&lt;mark&gt;filters&lt;/mark&gt;');
    await app.screenshot('sessions-search-highlight');
  });

  it('a search without a match says so and offers to clear it, not "sessions appear when…"', async () => {
    const all = await harness.core.registry.call('sessions.list', { limit: 1 });
    app = await harness.open({ hash: '#/sessions' });
    await app.sessionRows.first().waitFor();
    await app.sessionSearch.fill('qqxyzzy');
    await app.sessionTotal.filter({ hasText: '0 matches' }).waitFor();
    const empty = app.page.getByTestId('no-session-matches');
    await empty.waitFor();
    expect(await empty.textContent()).toContain('No session matches “qqxyzzy”');
    expect(await empty.textContent()).toContain(
      `The local store holds ${all.total.toLocaleString('en-GB')} sessions`,
    );
    expect(await app.page.getByText('Sessions appear when').count()).toBe(0);
    expect(await app.sessionList.count()).toBe(0);
    expect(await app.page.getByText('No session matches “qqxyzzy”').count()).toBe(2);
    await app.screenshot('sessions-search-no-match');
    await app.page.getByRole('button', { name: 'Clear search and filters' }).click();
    await app.sessionRows.first().waitFor();
    expect(await app.totalShown()).toBe(all.total);
    expect(await app.sessionSearch.inputValue()).toBe('');
  });

  it('opens a session with its visitor details and full transcript', async () => {
    const { items } = await harness.core.registry.call('sessions.list', { limit: 20 });
    const summary = items.find((s) => s.visitorName && s.email && s.messageCount >= 4)!;
    const detail = await harness.core.registry.call('sessions.get', { id: summary.id });
    app = await harness.open({ hash: '#/sessions' });
    await app.sessionList.locator(`[data-session-id="${summary.id}"]`).click();
    await app.sessionDetail.getByRole('heading', { name: summary.visitorName! }).waitFor();
    expect(app.page.url()).toContain(`#/sessions/${summary.id}`);

    const visitor = app.sessionDetail.getByRole('region', { name: 'Visitor' });
    expect(await visitor.textContent()).toContain(summary.email!);
    const lead = app.sessionDetail.getByRole('region', { name: 'Lead' });
    if (detail.leadScore !== null)
      expect(await lead.getByTestId('lead-score').textContent()).toBe(
        detail.leadScore.toLocaleString('en-US', { maximumFractionDigits: 1 }),
      );
    for (const reason of detail.scoreReasons) {
      expect(await lead.textContent()).toContain(reason.detail || reason.rule);
    }

    await expect.poll(() => app!.transcriptMessages.count()).toBe(detail.messages.length);
    const shown = await app.transcriptMessages.allTextContents();
    expect(shown).toEqual(detail.messages.map((m) => m.text));
    expect(await app.sessionDetail.locator('[data-sender="user"]').count()).toBe(
      detail.messages.filter((m) => m.sender === 'user').length,
    );
  });

  it('moves the selection with the arrow keys and opens with Enter', async () => {
    const { items } = await harness.core.registry.call('sessions.list', { limit: 3 });
    app = await harness.open({ hash: '#/sessions' });
    await app.sessionRows.first().waitFor();
    await app.sessionList.focus();
    await app.page.keyboard.press('ArrowDown');
    await app.page.keyboard.press('ArrowDown');
    await app.page.keyboard.press('ArrowUp');
    await app.page.keyboard.press('Enter');
    await expect.poll(() => app!.page.url()).toContain(`#/sessions/${items[1]!.id}`);
    // The URL changes first; the row re-renders as selected a frame later.
    await expect.poll(() => app!.sessionRows.nth(1).getAttribute('aria-selected')).toBe('true');
    expect(await app.sessionList.getAttribute('aria-activedescendant')).toBe('session-option-1');
    await app.sessionDetail.waitFor();
    await app.page.keyboard.press('Escape');
    await expect.poll(() => app!.sessionDetail.count()).toBe(0);
  });

  it('shows markup a visitor typed as literal text and never runs it', async () => {
    app = await harness.open({ hash: '#/sessions/demo:hostile' });
    await app.sessionDetail.waitFor();
    await expect.poll(() => app!.transcriptMessages.count()).toBe(3);
    expect(await app.transcriptMessages.first().textContent()).toBe(`Hi ${HOSTILE}`);
    expect(await app.transcriptMessages.first().innerHTML()).toContain('&lt;script&gt;');
    expect(await app.sessionDetail.locator('script, b, img, a[href^="javascript"]').count()).toBe(
      0,
    );
    expect(await app.sessionDetail.getByRole('heading', { level: 2 }).textContent()).toBe(
      `Mallory ${HOSTILE}`,
    );

    // The same in the list, where the row shows the name and the organisation.
    await app.sessionSearch.fill('Mallory');
    const row = app.sessionList.locator('[data-session-id="demo:hostile"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('<img src=x onerror=alert(2)>');
    expect(await app.sessionList.locator('img, b, script').count()).toBe(0);
    await app.page.waitForTimeout(300);
    expect(app.dialogs).toEqual([]);
  });

  it('says so when a deep-linked session does not exist', async () => {
    app = await harness.open({ hash: '#/sessions/redis:no-such-session' });
    await app.sessionDetail.getByText('Session not found').waitFor();
  });
});
