import type { TemplateProblem } from './template-errors';

/**
 * Bounds on a template's structure, checked by one linear scan before Handlebars sees it.
 * Handlebars' parser and compiler take time that grows much faster than the text with the
 * nesting (6,000 nested `{{#if}}` in 120 KB took 32 s, 3,000 nested `(sub expressions)`
 * 2.5 s) and with the number of expressions (8,000 flat blocks, 2 s), and core answers
 * nothing else meanwhile. The built-in reports nest 3 deep, use no sub-expression and hold
 * fewer than 100 expressions; the limits leave room for far bigger layouts.
 */
export const MAX_BLOCK_DEPTH = 50;
export const MAX_SUBEXPRESSION_DEPTH = 10;
export const MAX_EXPRESSIONS = 3_000;

/** Why compileLeadTemplate refused a body before parsing it (template-errors.ts words it). */
export class TemplateLimitError extends Error {
  constructor(readonly problem: TemplateProblem) {
    super(problem.reason);
    this.name = 'TemplateLimitError';
  }
}

type Mustache =
  { kind: 'open' | 'close'; name: string } | { kind: 'chained-else' | 'other'; name?: undefined };

/** What a `{{ … }}` does to the nesting, from the text after `{{` (and `{`, `~`). */
function readMustache(inner: string): Mustache {
  const head = inner.trimStart();
  const name = (prefix: RegExp) => /^[^\s}~]*/.exec(head.replace(prefix, ''))?.[0] ?? '';
  // `{{#if}}`, `{{#each}}`, `{{#> partial}}`, `{{#*inline}}`; `{{^name}}` is an inverted
  // block, but `{{^}}` alone is an else.
  if (head.startsWith('#') || (head.startsWith('^') && !/^\^\s*~?$/.test(head))) {
    return { kind: 'open', name: name(/^[#^]\s*[>*]?\s*/) };
  }
  if (head.startsWith('/')) return { kind: 'close', name: name(/^\/\s*/) };
  // `{{else if x}}` opens a block inside the current one, closed by the same `{{/if}}`.
  if (/^else\s+[^\s~]/.test(head)) return { kind: 'chained-else' };
  return { kind: 'other' };
}

/** How deep `(…)` sub-expressions go inside one mustache, string literals skipped. */
function parenDepth(inner: string): number {
  let depth = 0;
  let max = 0;
  let quote = '';
  for (const c of inner) {
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(') max = Math.max(max, ++depth);
    else if (c === ')') depth = Math.max(0, depth - 1);
  }
  return max;
}

/** Where a comment that starts at `from` (just after `{{` and `~`) ends. */
function commentEnd(source: string, from: number): number {
  if (source.startsWith('!--', from)) {
    const end = /--~?\}\}/g;
    end.lastIndex = from + 3;
    const m = end.exec(source);
    return m ? m.index + m[0].length : source.length;
  }
  const end = source.indexOf('}}', from);
  return end === -1 ? source.length : end + 2;
}

const snippet = (text: string) => {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 40 ? `${one.slice(0, 40)}…` : one;
};

/**
 * The first limit a body breaks, with its 1-based line, or null. Errs on the side of
 * counting (a `{{` inside a string literal may be counted as an expression): the parse
 * that follows is the judge of syntax, this scan only bounds its work.
 */
export function checkTemplateLimits(source: string): TemplateProblem | null {
  let line = 1;
  let scanned = 0;
  const lineAt = (index: number) => {
    for (let i = scanned; i < index; i++) if (source.charCodeAt(i) === 10) line++;
    scanned = index;
    return line;
  };
  // Per open block: its name and how many levels it holds (1, plus one per `{{else if}}`).
  const open: { name: string; levels: number }[] = [];
  let depth = 0;
  let expressions = 0;
  let at = source.indexOf('{{');
  while (at !== -1) {
    // `\{{` is literal text (Handlebars' escape); `\\{{` is a backslash and a mustache.
    if (source[at - 1] === '\\' && source[at - 2] !== '\\') {
      at = source.indexOf('{{', at + 2);
      continue;
    }
    let from = at + 2;
    while (source[from] === '{' || source[from] === '~') from++;
    if (source[from] === '!') {
      at = source.indexOf('{{', commentEnd(source, from));
      continue;
    }
    const close = source.indexOf('}}', from);
    const end = close === -1 ? source.length : close;
    const inner = source.slice(from, end);
    const text = source.slice(at, Math.min(end + 2, source.length));
    expressions++;
    if (expressions > MAX_EXPRESSIONS) {
      return {
        line: lineAt(at),
        reason: `the template has more than ${MAX_EXPRESSIONS.toLocaleString('en-US')} {{ … }} expressions (the built-in reports have under 100); shorten it`,
      };
    }
    if (parenDepth(inner) > MAX_SUBEXPRESSION_DEPTH) {
      return {
        line: lineAt(at),
        reason: `sub-expressions ( … ) are nested more than ${MAX_SUBEXPRESSION_DEPTH} deep in ${snippet(text)}`,
      };
    }
    const m = readMustache(inner);
    const top = open[open.length - 1];
    if (m.kind === 'open' || (m.kind === 'chained-else' && top)) {
      depth++;
      if (m.kind === 'open') open.push({ name: m.name, levels: 1 });
      else if (top) top.levels++;
      if (depth > MAX_BLOCK_DEPTH) {
        return {
          line: lineAt(at),
          reason: `blocks are nested more than ${MAX_BLOCK_DEPTH} deep: ${snippet(text)} opens level ${depth}; close some blocks or use {{else}} instead of nesting`,
        };
      }
    } else if (m.kind === 'close' && top?.name === m.name) {
      // A closer that matches nothing is Handlebars' error to report; it closes nothing here.
      depth -= top.levels;
      open.pop();
    }
    at = close === -1 ? -1 : source.indexOf('{{', close + 2);
  }
  return null;
}
