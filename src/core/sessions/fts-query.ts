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
