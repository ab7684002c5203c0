/** Puts the caret on line `line` (1-based) of a textarea, selects that line and scrolls to it. */
export function selectLine(textarea: HTMLTextAreaElement, line: number): void {
  const lines = textarea.value.split('\n');
  const index = Math.min(Math.max(line, 1), lines.length) - 1;
  const start = lines.slice(0, index).reduce((sum, l) => sum + l.length + 1, 0);
  const end = start + (lines[index]?.length ?? 0);
  // The page scrolls only as far as needed to show the editor, so a message above it (the
  // save error naming this line) stays in view where it fits.
  textarea.focus({ preventScroll: true });
  textarea.scrollIntoView({ block: 'nearest' });
  textarea.setSelectionRange(start, end);
  const lineHeight = parseFloat(getComputedStyle(textarea).lineHeight) || 18;
  textarea.scrollTop = Math.max(0, index * lineHeight - textarea.clientHeight / 3);
  // The selection starts the line: show its start, even if the caret was far right on a
  // long line before (the end of a pasted body often is).
  textarea.scrollLeft = 0;
}
