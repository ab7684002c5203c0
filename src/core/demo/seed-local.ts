import type { DemoSummary, EventPayload, ParsedInput } from '../../shared/contract';
import { AppError } from '../rpc/errors';
import type { Store } from '../store/open';

/** Placeholder until the demo generator lands: fills the local store with deterministic demo data. */
export function seedLocalStore(
  _store: Store,
  _input: ParsedInput<'demo.seed'>,
  _onProgress: (p: EventPayload<'demo.progress'>) => void,
): DemoSummary {
  throw new AppError('unavailable', 'Demo data is not built yet');
}
