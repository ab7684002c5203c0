import type { BenchCase } from '../lib/types';
import { churnReport } from './churn-report';
import { leadReport } from './lead-report';
import { search } from './search';
import { sessionPdfs } from './session-pdfs';
import { sessionsList } from './sessions-list';
import { sessionsPage } from './sessions-page';
import { sweep } from './sweep';
import { sync } from './sync';

/** Every case, in the order a run takes them. A new case: a file beside this one, listed here. */
export const cases: BenchCase[] = [
  search,
  sessionsList,
  sessionsPage,
  sync,
  sweep,
  sessionPdfs,
  leadReport,
  churnReport,
];
