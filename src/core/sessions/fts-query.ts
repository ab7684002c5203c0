/**
 * Turns what a person types into a safe FTS5 query: every word becomes a quoted prefix
 * term, so operators, quotes and parentheses in the input are text, never syntax.
 * Returns null when nothing searchable is left.
 */
export function toFtsQuery(input: string): string | null {
  const words = input
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}_@.+-]+/u)
    .map((w) => w.replace(/^[.+\-@]+|[.+\-@]+$/g, ''))
    .filter((w) => w.length > 0)
    .slice(0, 12);
  if (words.length === 0) return null;
  return words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(' ');
}

/** Escapes LIKE wildcards so a search for `50%` finds "50%", not everything. */
export function toLikePattern(input: string): string {
  return `%${input.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** What FTS5's snippet() puts around a matched word: control characters chat text lacks. */
export const MARK_OPEN = '\u0002';
export const MARK_CLOSE = '\u0003';

/**
 * A snippet with MARK_OPEN/MARK_CLOSE around its matches, as plain text and the matches'
 * [start, end) offsets: the page highlights by slicing, never by parsing markup. A marker
 * character that came from the message itself (unbalanced) is dropped, not trusted.
 */
export function splitSnippet(marked: string): { text: string; marks: [number, number][] } {
  let text = '';
  let open: number | null = null;
  const marks: [number, number][] = [];
  for (const ch of marked) {
    if (ch === MARK_OPEN) open ??= text.length;
    else if (ch === MARK_CLOSE) {
      if (open !== null && text.length > open) marks.push([open, text.length]);
      open = null;
    } else text += ch;
  }
  return { text, marks };
}
