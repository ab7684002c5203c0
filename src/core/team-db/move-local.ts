import { hostname } from 'node:os';
import type { LeadTemplateKind } from '../../shared/report-templates';
import { SqliteTemplateRows } from '../reports/leads/render/sqlite-template-rows';
import { AppError } from '../rpc/errors';
import type { Store } from '../store/open';
import { SqliteSubscriptionRows } from '../subscriptions/sqlite-subscription-rows';
import type { TeamDatabase } from './team-db';

const LEAD_KINDS: LeadTemplateKind[] = ['leads_daily', 'leads_weekly'];

/** What is still kept only on this computer while a team database is configured. */
export async function localLeftovers(
  store: Store,
  team: Pick<TeamDatabase, 'storage'>,
): Promise<{ subscriptions: number }> {
  if (team.storage !== 'postgres') return { subscriptions: 0 };
  const rows = await new SqliteSubscriptionRows(store).all();
  return { subscriptions: rows.filter((r) => r.reportType !== 'churn').length };
}

/**
 * Moves the subscriptions made on this computer before a team database was configured
 * into it, with the custom templates they use (a built-in maps to the team's built-in of
 * the same kind). The team rows are written in one transaction, and only after it commits
 * are the local ones removed, so a failure leaves everything where it was. Local delivery
 * history stays local. With `pause`, moved subscriptions arrive paused, for a team that
 * wants to check them against what other laptops already moved before any is sent.
 */
export async function moveLocalToTeam(
  store: Store,
  team: TeamDatabase,
  options: { pause: boolean },
): Promise<{ subscriptions: number; templates: number }> {
  if (team.storage !== 'postgres') {
    throw new AppError('conflict', 'No team database is configured: there is nowhere to move to.');
  }
  const local = new SqliteSubscriptionRows(store);
  const subs = (await local.all()).filter((r) => r.reportType !== 'churn');
  if (subs.length === 0) return { subscriptions: 0, templates: 0 };
  const localTemplates = await new SqliteTemplateRows(store).list(LEAD_KINDS);
  const now = new Date().toISOString();

  const templates = await team.inTeamTransaction(async (tables) => {
    const teamBuiltins = (await tables.templates.list(LEAD_KINDS)).filter((t) => t.builtin);
    const ids = new Map<number, number>();
    let copied = 0;
    for (const t of localTemplates) {
      if (t.builtin) {
        const same = teamBuiltins.find((b) => b.kind === t.kind);
        if (same) ids.set(t.id, same.id);
      } else if (subs.some((s) => s.templateId === t.id)) {
        const copy = await tables.templates.insert({
          name: `${t.name} (from ${hostname()})`,
          kind: t.kind,
          body: t.body,
        });
        ids.set(t.id, copy.id);
        copied++;
      }
    }
    for (const s of subs) {
      const { id: _id, createdAt, ...values } = s;
      await tables.subscriptions.insert(
        {
          ...values,
          templateId: s.templateId === null ? null : (ids.get(s.templateId) ?? null),
          active: options.pause ? false : s.active,
          updatedAt: now,
        },
        createdAt,
      );
    }
    return copied;
  });
  for (const s of subs) await local.remove(s.id);
  return { subscriptions: subs.length, templates };
}
