import type { Registry } from '../rpc/registry';
import type { SettingsService } from './settings-service';

export function registerSettingsHandlers(registry: Registry, service: SettingsService): void {
  registry
    .register('settings.get', () => service.get())
    .register('settings.set', (patch) => service.set(patch));
}
