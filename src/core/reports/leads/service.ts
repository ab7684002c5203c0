/**
 * Generates lead performance reports (issue 4) from the team PostgreSQL when it is
 * configured and answers, otherwise from the local mirror. The report JSON stays exactly
 * the public schema; which source answered is returned beside it.
 */
import type { LeadReport, LeadReportParams, ReportGym } from '../../../shared/lead-report';
import type { EffectiveConfig } from '../../config/effective';
import type { SourceConnections } from '../../connections/source-connections';
import type { Store } from '../../store/open';
import type { GymBranchRow, LeadReportBackend, ReportSource, StaffSeenRow } from './aggregates';
import { assembleReport } from './assemble';
import { reachableTeamPool } from '../team-pool';
import { hourSegments, resolvePeriod } from './period';
import { PostgresLeadReportBackend } from './postgres-backend';
import { SqliteLeadReportBackend } from './sqlite-backend';

export interface GeneratedLeadReport {
  report: LeadReport;
  source: ReportSource;
}

/** Computes one report on one back end: the SQL aggregates, then the JSON. */
export async function computeLeadReport(
  backend: LeadReportBackend,
  params: LeadReportParams,
  defaultZone: string,
): Promise<LeadReport> {
  const period = resolvePeriod(params, defaultZone);
  // Only the local store needs them: PostgreSQL has AT TIME ZONE.
  const hours = backend.source === 'local' ? hourSegments(period) : [];
  const aggregates = await backend.aggregate({
    gymId: params.gymId,
    branchId: params.branchId,
    period,
    hours,
  });
  return assembleReport({
    type: params.type,
    gymId: params.gymId,
    branchId: params.branchId,
    period,
    aggregates,
  });
}

export interface LeadReportDeps {
  store: Store;
  connections: SourceConnections;
  config: () => EffectiveConfig;
}

export class LeadReportService {
  private local: SqliteLeadReportBackend | null = null;

  constructor(private readonly deps: LeadReportDeps) {}

  async generate(params: LeadReportParams): Promise<GeneratedLeadReport> {
    const backend = await this.backend();
    const report = await computeLeadReport(backend, params, this.deps.config().reportTimezone);
    return { report, source: backend.source };
  }

  /** Every gym with leads or calls, most recently active first, with its branches. */
  async gyms(): Promise<{ items: ReportGym[]; source: ReportSource }> {
    const backend = await this.backend();
    const rows = await backend.gyms();
    return { items: groupGyms(rows), source: backend.source };
  }

  /** Call log user ids with their call counts, busiest first. */
  async staffSeen(): Promise<{ items: StaffSeenRow[]; source: ReportSource }> {
    const backend = await this.backend();
    return { items: await backend.staffSeen(), source: backend.source };
  }

  private async backend(): Promise<LeadReportBackend> {
    const pool = await reachableTeamPool(this.deps.connections);
    if (pool) return new PostgresLeadReportBackend(pool, this.deps.config().databaseSchema);
    this.local ??= new SqliteLeadReportBackend(this.deps.store.sqlite);
    return this.local;
  }
}

const isoOf = (v: string | Date | null): string | null =>
  v === null ? null : v instanceof Date ? v.toISOString() : v;

/** (gym, branch) rows, already newest first, folded into one entry per gym. */
export function groupGyms(rows: readonly GymBranchRow[]): ReportGym[] {
  const gyms = new Map<string, ReportGym>();
  for (const r of rows) {
    let gym = gyms.get(r.gym_id);
    if (!gym) {
      gym = { gymId: r.gym_id, leads: 0, calls: 0, lastActivityAt: null, branches: [] };
      gyms.set(r.gym_id, gym);
    }
    const leads = Number(r.leads);
    const calls = Number(r.calls);
    gym.leads += leads;
    gym.calls += calls;
    const at = isoOf(r.last_at);
    if (at && (!gym.lastActivityAt || at > gym.lastActivityAt)) gym.lastActivityAt = at;
    if (r.branch_id !== null) gym.branches.push({ branchId: r.branch_id, leads, calls });
  }
  return [...gyms.values()];
}
