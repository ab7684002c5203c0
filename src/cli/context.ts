import { resolveDataDir } from '../core/config/paths';
import { createCore, type Core } from '../core/core';
import { effectiveConfig, type ConfigFlags, type EffectiveConfig } from '../core/config/effective';

/** What every command shares: the data dir and a core opened on first use, closed at exit. */
export class CliContext {
  private core: Core | null = null;
  readonly dataDir: string;

  constructor(
    readonly env: NodeJS.ProcessEnv = process.env,
    home?: string,
  ) {
    this.dataDir = home ?? resolveDataDir(env);
  }

  open(): Core {
    this.core ??= createCore({ dataDir: this.dataDir });
    return this.core;
  }

  config(flags: ConfigFlags = {}): EffectiveConfig {
    return effectiveConfig(this.open().settings.get(), this.env, flags);
  }

  close(): void {
    this.core?.close();
    this.core = null;
  }
}
