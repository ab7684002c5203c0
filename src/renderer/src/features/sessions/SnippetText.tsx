import { Fragment } from 'react';
import classes from './Sessions.module.css';

/**
 * A search snippet with its matched words in <mark>. The marks are offsets into plain
 * text, so the message is sliced, never parsed as markup: React escapes every piece.
 */
export function SnippetText({ text, marks }: { text: string; marks: readonly [number, number][] }) {
  const parts: { text: string; match: boolean }[] = [];
  let at = 0;
  for (const [start, end] of marks) {
    if (start < at || end <= start || end > text.length) continue;
    if (start > at) parts.push({ text: text.slice(at, start), match: false });
    parts.push({ text: text.slice(start, end), match: true });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), match: false });
  return (
    <>
      {parts.map((part, i) =>
        part.match ? (
          <mark key={i} className={classes.match}>
            {part.text}
          </mark>
        ) : (
          <Fragment key={i}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}
