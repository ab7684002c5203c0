/**
 * An address or id split where a line may break: before "@" and after ".", so a narrow
 * column prints "sahyadrihome" / "@example.com" rather than "sahyadrihom" / "e.com". The
 * template joins the parts with <wbr> (no character, so copying the text copies the address
 * as it is). Text with spaces already breaks between words and comes back whole.
 */
export function breakParts(text: string): string[] {
  if (/\s/.test(text)) return [text];
  return text.split(/(?=@)|(?<=\.)(?=[^.])/).filter((p) => p !== '');
}
