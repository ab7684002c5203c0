import type { Registry } from '../rpc/registry';
import type { SettingsService } from './settings-service';

/** Both answer the redacted view: a connection string's password never leaves core. */
export function registerSettingsHandlers(
  registry: Registry,
  service: SettingsService,
  env: NodeJS.ProcessEnv,
): void {
  registry
    .register('settings.get', () => service.view(env))
    .register('settings.set', (patch) => {
      service.set(patch);
      return service.view(env);
    });
}
