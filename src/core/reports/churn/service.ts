/**
 * Generates weekly churn reports from the team PostgreSQL's `events` when it is configured
 * and answers, otherwise from the local mirror's shop tables. Which source answered is
 * returned beside the report.
 */
import type { ChurnReport, ChurnReportParams } from '../../../shared/churn-report';
import type { EffectiveConfig } from '../../config/effective';
import type { SourceConnections } from '../../connections/source-connections';
import type { Store } from '../../store/open';
import { reachableTeamPool } from '../team-pool';
import type { ChurnBackend } from './features';
import { builtinChurnModel, type ChurnModel } from './model';
import { PostgresChurnBackend } from './postgres-backend';
import { computeChurnReport } from './report';
import { SqliteChurnBackend } from './sqlite-backend';

export interface GeneratedChurnReport {
  report: ChurnReport;
  source: ChurnBackend['source'];
}

export interface ChurnReportDeps {
  store: Store;
  connections: SourceConnections;
  config: () => EffectiveConfig;
  model?: ChurnModel;
}

export class ChurnReportService {
  private local: SqliteChurnBackend | null = null;

  constructor(private readonly deps: ChurnReportDeps) {}

  async generate(params: ChurnReportParams): Promise<GeneratedChurnReport> {
    const backend = await this.backend();
    const model = this.deps.model ?? builtinChurnModel;
    const report = await computeChurnReport(
      backend,
      model,
      params,
      this.deps.config().reportTimezone,
    );
    return { report, source: backend.source };
  }

  private async backend(): Promise<ChurnBackend> {
    const pool = await reachableTeamPool(this.deps.connections);
    if (pool) return new PostgresChurnBackend(pool, this.deps.config().databaseSchema);
    this.local ??= new SqliteChurnBackend(this.deps.store.sqlite);
    return this.local;
  }
}
