import type { BenchCase } from '../lib/types';
import { search } from './search';
import { sessionsList } from './sessions-list';
import { sessionsPage } from './sessions-page';

/** Every case, in the order a run takes them. A new case: a file beside this one, listed here. */
export const cases: BenchCase[] = [search, sessionsList, sessionsPage];
