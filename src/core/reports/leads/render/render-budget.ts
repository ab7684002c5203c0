import { performance } from 'node:perf_hooks';
import type Handlebars from 'handlebars';
import { TemplateLimitError } from './template-limits';

/**
 * Work one render may do. The checks before compiling bound a template's shape, not what
 * it does with real data: loops side by side at the allowed depth multiply with the rows
 * (1,500 loops three deep over 60 staff took 27 s, every other call waiting). The built-in
 * reports make a few hundred loop passes for a gym with 200 staff.
 */
export const MAX_LOOP_PASSES = 200_000;
export const MAX_RENDER_MS = 1_500;
/**
 * What a render may produce. Its HTML is sanitized next, and PDFs and mails carry it: 3,000
 * copies of a 13 KB chart made 28 MB and half a minute of sanitizing. The built-in weekly
 * report is 230 KB for a gym with 500 staff.
 */
export const MAX_OUTPUT_CHARS = 5_000_000;
/**
 * How deep tags may be open in what a render makes, and how many it may hold: the
 * sanitizer's HTML parser slows down with the square of the depth (160,000 unclosed
 * `<div>` in 800 KB took 16 s). The built-in reports nest about 15 deep.
 */
export const MAX_TAG_DEPTH = 500;
export const MAX_TAGS = 200_000;

const VOID_TAGS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);
const TAG = /<(\/?)([a-zA-Z][^\s/>]*)[^>]*?(\/?)>/g;

/** One linear pass over the tags; counting an implied close as open only makes it stricter. */
function checkMarkup(html: string): void {
  let depth = 0;
  let tags = 0;
  for (const m of html.matchAll(TAG)) {
    tags += 1;
    if (tags > MAX_TAGS) throw tooMuch(`makes more than ${MAX_TAGS.toLocaleString('en-US')} tags`);
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (!m[3] && !VOID_TAGS.has(m[2]!.toLowerCase())) depth += 1;
    if (depth > MAX_TAG_DEPTH) {
      throw tooMuch(`opens tags more than ${MAX_TAG_DEPTH} deep without closing them`);
    }
  }
}

let current: { passes: number; deadline: number; produced: number } | null = null;

const tooMuch = (what: string) =>
  new TemplateLimitError({
    line: null,
    reason: `the template ${what} for this report; loop over fewer fields or fewer levels, or print fewer charts`,
  });

function charge(): void {
  if (!current) return;
  current.passes += 1;
  if (current.passes > MAX_LOOP_PASSES || performance.now() > current.deadline) {
    throw tooMuch(
      `repeats its loops too often (over ${MAX_LOOP_PASSES.toLocaleString('en-US')} passes or ${MAX_RENDER_MS / 1000} s)`,
    );
  }
}

const sizeLimit = `makes more than ${MAX_OUTPUT_CHARS / 1_000_000} million characters`;

/** Loop output, summed as it is made (nested passes count again in their parent: an upper bound). */
function produced(text: unknown): void {
  if (!current || typeof text !== 'string') return;
  current.produced += text.length;
  if (current.produced > 4 * MAX_OUTPUT_CHARS) throw tooMuch(sizeLimit);
}

/**
 * Every loop pass is charged: `{{#each}}`, and blocks over an array, which Handlebars runs
 * through the same `each` helper. `log` and `lookup` go: one writes a template's text to
 * core's output, the other reads fields around strict mode; no report needs either.
 */
export function meterLoops(hb: typeof Handlebars): void {
  const each = hb.helpers.each as Handlebars.HelperDelegate;
  hb.registerHelper(
    'each',
    function (this: unknown, context: unknown, options: Handlebars.HelperOptions) {
      // Without options Handlebars throws its own "Must pass iterator" error.
      if (!options) return each.call(this, context, options);
      const fn = options.fn;
      const metered = (ctx: unknown, runtime?: Handlebars.RuntimeOptions) => {
        charge();
        const out = fn(ctx, runtime);
        produced(out);
        return out;
      };
      return each.call(this, context, { ...options, fn: metered });
    },
  );
  hb.unregisterHelper('log');
  hb.unregisterHelper('lookup');
}

/** Runs one render within the budget (renders are synchronous, so one at a time). */
export function withinBudget(render: () => string): string {
  const outer = current;
  current = { passes: 0, deadline: performance.now() + MAX_RENDER_MS, produced: 0 };
  try {
    const html = render();
    if (html.length > MAX_OUTPUT_CHARS) throw tooMuch(sizeLimit);
    checkMarkup(html);
    return html;
  } finally {
    current = outer;
  }
}
