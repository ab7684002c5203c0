import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Handlebars from 'handlebars';
import { findTemplatesDir } from '../../../render/templates';
import { NONE, formatChange, formatCount, formatDuration, formatRate } from './format';
import type { TemplateData } from './template-data';
import { TemplateLimitError, checkTemplateLimits } from './template-limits';
import { checkTemplateLoops } from './template-loops';
import { meterLoops, withinBudget } from './render-budget';

/**
 * The Handlebars environment for lead reports, shared by the built-in templates and the
 * ones users write. Logic-less by construction: templates are compiled strict (a misspelt
 * field is an error, not a blank) with `knownHelpersOnly`, so the only helpers are
 * Handlebars' own block helpers and the four formatters below, which turn a number into
 * text and run nothing a template supplies. No user code is ever registered.
 */
const hb = Handlebars.create();
meterLoops(hb);

const numeric = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : null;

// Helper names win over field names in `{{name}}`, so none may equal a view field.
const HELPERS: Record<string, (value: unknown) => string> = {
  /** `{{percent report.calls.success_rate}}` → "66.2 %" (a 0..1 rate). */
  percent: (v) => formatRate(numeric(v)),
  /** `{{duration report.calls.avg_duration_s}}` → "3:17". */
  duration: (v) => formatDuration(numeric(v)),
  /** `{{number report.calls.total}}` → "1,204". */
  number: (v) => {
    const n = numeric(v);
    return n === null ? NONE : formatCount(n);
  },
  /** `{{changePercent report.trends.calls_total.change_pct}}` → "+12.5 %", or "—" when null. */
  changePercent: (v) => {
    const n = numeric(v);
    return n === null ? NONE : formatChange(n);
  },
};
for (const [name, fn] of Object.entries(HELPERS)) {
  // Handlebars passes its options object last; a formatter looks at its first argument only.
  hb.registerHelper(name, (value: unknown) => fn(value));
}

export const HELPER_NAMES = Object.keys(HELPERS);

const COMPILE_OPTIONS: CompileOptions = {
  strict: true,
  knownHelpersOnly: true,
  // Handlebars' own `log` and `lookup` are off (render-budget.ts): refused when compiled.
  knownHelpers: {
    ...Object.fromEntries(HELPER_NAMES.map((n) => [n, true])),
    log: false,
    lookup: false,
  },
};

const STYLESHEET = /<link\s+rel=["']stylesheet["']\s+href=["']lead-report\.css["']\s*\/?>/g;

function readTemplate(dir: string, name: string): string {
  return readFileSync(join(dir, name), 'utf8');
}

/**
 * `<link rel="stylesheet" href="lead-report.css">` becomes the stylesheet itself, inline:
 * reports fetch nothing, yet built-ins (and custom templates copied from them) stay plain
 * HTML that Prettier formats and a browser previews. The CSS is put on one line so error
 * line numbers still match the author's text; any other `<link>` is removed by sanitize.ts.
 */
function inlineStylesheet(source: string, dir: string): string {
  if (!source.includes('lead-report.css')) return source;
  // `{{` in CSS would be read as an expression; the CSS has none of its own.
  const css = readTemplate(dir, 'lead-report.css')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s*\n\s*/g, ' ')
    .replaceAll('{{', '\\{{');
  return source.replace(STYLESHEET, () => `<style>${css}</style>`);
}

export type LeadTemplateFn = (data: TemplateData) => string;

/**
 * Compiles a template body (throws Handlebars' errors, see template-errors.ts). A body that
 * nests too deep or holds too many expressions is refused before Handlebars parses it
 * (template-limits.ts), one that nests loops too deep or defines partials right after
 * (template-loops.ts): every path that compiles a custom template goes through here.
 */
export function compileLeadTemplate(source: string, templatesDir?: string): LeadTemplateFn {
  const limit = checkTemplateLimits(source) ?? checkTemplateLoops(source);
  if (limit) throw new TemplateLimitError(limit);
  const dir = resolve(findTemplatesDir(templatesDir));
  const fn = hb.compile<TemplateData>(inlineStylesheet(source, dir), COMPILE_OPTIONS);
  return (data) => withinBudget(() => fn(data, { allowProtoPropertiesByDefault: false }));
}

const builtins = new Map<string, LeadTemplateFn>();

/** A template file from the templates folder (`lead-report-daily.hbs`…), compiled once. */
export function builtinTemplate(name: string, templatesDir?: string): LeadTemplateFn {
  const dir = resolve(findTemplatesDir(templatesDir));
  const key = join(dir, name);
  let fn = builtins.get(key);
  if (!fn) {
    fn = compileLeadTemplate(readTemplate(dir, name), templatesDir);
    builtins.set(key, fn);
  }
  return fn;
}

/** The source of a built-in template, as shown (and copied from) in the template editor. */
export function builtinSource(name: string, templatesDir?: string): string {
  return readTemplate(resolve(findTemplatesDir(templatesDir)), name);
}
