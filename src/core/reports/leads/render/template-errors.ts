import { HELPER_NAMES } from './engine';
import { TemplateLimitError } from './template-limits';

export interface TemplateProblem {
  /** 1-based line in the template body, when it could be told. */
  line: number | null;
  reason: string;
}

/** The first line of `source` that mentions `needle`, 1-based. */
function lineOf(source: string, needle: RegExp): number | null {
  const lines = source.split('\n');
  const index = lines.findIndex((l) => needle.test(l));
  return index === -1 ? null : index + 1;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Handlebars' errors in words a template author can act on, with the line. Parse errors
 * say "Parse error on line N:"; compile and strict-mode errors carry `lineNumber`; a
 * missing partial carries nothing, so its `{{> name}}` is looked up in the source.
 */
export function describeTemplateError(error: unknown, source: string): TemplateProblem {
  if (error instanceof TemplateLimitError) return error.problem;
  const e = error as { message?: unknown; lineNumber?: unknown };
  const message = typeof e.message === 'string' ? e.message : String(error);
  const parse = /^Parse error on line (\d+):[\s\S]*\n(.*)$/.exec(message);
  if (parse) {
    const expected = parse[2] ?? '';
    const reason = /got 'EOF'/.test(expected)
      ? 'the template ends before a {{ … }} expression or block is closed'
      : `syntax error in a {{ … }} expression (${expected})`;
    return { line: Number(parse[1]), reason };
  }
  const line = typeof e.lineNumber === 'number' ? e.lineNumber : null;
  const bare = message.replace(/ - \d+:\d+$/, '');
  const notDefined = /^"([^"]+)" not defined in/.exec(bare);
  if (notDefined) {
    const field = notDefined[1]!;
    const shown = field.length > 80 ? `${field.slice(0, 80)}…` : field;
    return { line, reason: `"${shown}" is not a field of the report data` };
  }
  const helper = /unknown helper (\S+)/.exec(bare);
  if (helper) {
    return {
      line,
      reason: `"${helper[1]}" is not an available helper (available: if, unless, each, with, ${HELPER_NAMES.join(', ')})`,
    };
  }
  const partial = /^The partial (.+) could not be found$/.exec(bare);
  if (partial?.[1]) {
    return {
      line: lineOf(source, new RegExp(`\\{\\{~?>\\s*${escapeRegExp(partial[1])}\\b`)),
      reason: `there is no partial named "${partial[1]}"`,
    };
  }
  if (error instanceof RangeError) {
    return {
      line,
      reason: 'the template calls itself without end (a partial that includes itself?)',
    };
  }
  return { line, reason: bare };
}

export function formatProblem(p: TemplateProblem): string {
  return p.line === null ? p.reason : `line ${p.line}: ${p.reason}`;
}
