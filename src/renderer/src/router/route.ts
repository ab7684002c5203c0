import type { Priority, SessionSource } from '../../../shared/contract';
import { PRIORITIES, SOURCES } from '../lib/priorities';

export const PAGES = ['dashboard', 'sessions', 'leads', 'reports', 'settings'] as const;
export type Page = (typeof PAGES)[number];

export const REPORT_TABS = [
  'generate',
  'templates',
  'subscriptions',
  'deliveries',
  'staff',
  'gyms',
] as const;
export type ReportTab = (typeof REPORT_TABS)[number];

/**
 * Where the app is, all of it in the URL hash (`#/sessions/redis:abc?q=pricing`), so a
 * reload, a screenshot script or a bug report can deep-link to any screen.
 */
export interface Route {
  page: Page;
  sessionId?: string;
  query?: string;
  source?: SessionSource;
  priority?: Priority;
  /** The Reports page's tab (`#/reports/deliveries`); absent: the first one. */
  reportTab?: ReportTab;
}

const isPage = (v: string): v is Page => (PAGES as readonly string[]).includes(v);
const isReportTab = (v: string): v is ReportTab => (REPORT_TABS as readonly string[]).includes(v);
const isPriority = (v: string | null): v is Priority =>
  v !== null && (PRIORITIES as readonly string[]).includes(v);
const isSource = (v: string | null): v is SessionSource =>
  v !== null && (SOURCES as readonly string[]).includes(v);

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const [path = '', search = ''] = raw.split('?', 2);
  const [first = '', ...rest] = path.split('/');
  const page = isPage(first) ? first : 'dashboard';
  const params = new URLSearchParams(search);
  const route: Route = { page };
  if (page === 'reports') {
    const tab = rest[0] ?? '';
    if (isReportTab(tab)) route.reportTab = tab;
  }
  if (page === 'sessions') {
    const id = rest.join('/');
    if (id) route.sessionId = safeDecode(id);
    const q = params.get('q');
    if (q) route.query = q;
    const source = params.get('source');
    if (isSource(source)) route.source = source;
    const priority = params.get('priority');
    if (isPriority(priority)) route.priority = priority;
  }
  return route;
}

export function formatRoute(route: Route): string {
  let path = `#/${route.page}`;
  if (route.page === 'reports' && route.reportTab) return `${path}/${route.reportTab}`;
  if (route.page !== 'sessions') return path;
  // Keep ':' readable in ids like `redis:abc`; everything else is percent-encoded.
  if (route.sessionId) path += `/${encodeURIComponent(route.sessionId).replace(/%3A/gi, ':')}`;
  const params = new URLSearchParams();
  if (route.query) params.set('q', route.query);
  if (route.source) params.set('source', route.source);
  if (route.priority) params.set('priority', route.priority);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
