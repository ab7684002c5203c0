import type { EffectiveConfig } from '../config/effective';
import {
  checkChromium,
  checkDataDir,
  checkEnvironment,
  checkMailSettings,
  checkMonitorLease,
  checkNode,
  checkPostgres,
  checkRedis,
  checkSmtp,
  checkTeamTables,
  type CheckResult,
} from './checks';

export interface DoctorReport {
  ok: boolean;
  checks: CheckResult[];
}

/** Everything Leadwatch depends on, each with what to do when it is missing. `ok` is false only on a failure. */
export async function runDoctor(
  dataDir: string,
  config: EffectiveConfig,
  env: NodeJS.ProcessEnv = process.env,
): Promise<DoctorReport> {
  const local = [checkNode(), checkDataDir(dataDir), checkChromium(config)];
  const remote = await Promise.all([
    checkRedis(config.redisUrl),
    checkPostgres(config.databaseUrl),
    checkTeamTables(config.databaseUrl),
    checkSmtp(config.smtpUrl),
  ]);
  // Appended, not in `local`: the CLI slots its database check in after the first two.
  const checks = [
    ...local,
    ...remote,
    checkMailSettings(config),
    checkEnvironment(config, env),
    checkMonitorLease(config),
  ];
  return { ok: checks.every((c) => c.status !== 'fail'), checks };
}
