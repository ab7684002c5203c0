/**
 * Making rendered report HTML inert, for the three places it goes: the PDF page, the
 * app's live preview and mail bodies.
 *
 * The guarantees come from elsewhere: report values are escaped before a template sees
 * them (template-data.ts), the PDF page runs with JavaScript off and every request
 * aborted (PdfRenderer), and every document carries a Content-Security-Policy that forbids
 * scripts and all loads but inline styles and data: images. What is here is the second
 * wall for HTML shown outside that page (a preview pane, a mail client): a template's own
 * `<script>`, frames, `<link>`/`<meta>`/`<base>`, event-handler attributes, `javascript:`
 * and remote URLs, CSS `@import` and `url(http…)` are removed or renamed so they do nothing.
 * It is a conservative filter on text, not a parser: when in doubt it breaks a feature
 * (a remote image stays blank), never the other way round.
 */

/** Elements whose whole content goes (a script's text must not become visible text). */
const SCRIPT_ELEMENT = /<script\b[\s\S]*?(?:<\/script\s*>|$)/gi;
/** Tags removed (their content, if any, stays as ordinary content). */
const DROPPED_TAG =
  /<\/?(?:script|iframe|frame|frameset|object|embed|applet|base|link|meta|form|portal|noscript|animate|set|handler|listener)\b[^>]*>?/gi;
/** A start tag, its attributes read quote-aware so `alt=">"` does not end the tag early. */
const TAG = /<([a-zA-Z][\w:-]*)((?:"[^"]*"|'[^']*'|[^'">])*)>/g;
const EVENT_ATTR = /([\s/"'])on[a-z]+\s*=/gi;
const URL_ATTR =
  /([\s/"'])(src|srcset|href|xlink:href|action|formaction|background|poster|data|ping|lowsrc|dynsrc|codebase|manifest|longdesc|cite)(\s*=\s*)("[^"]*"|'[^']*'|[^\s>]+)/gi;
const CSS_IMPORT = /@import/gi;
/** url( followed by anything but a data: URL or a same-document #fragment (SVG clip paths). */
const CSS_REMOTE_URL = /url\(\s*(['"]?)\s*(?!data:|#)/gi;

function unquote(value: string): string {
  const inner = /^["']/.test(value) ? value.slice(1, -1) : value;
  // Browsers ignore whitespace and control characters inside a scheme ("java\tscript:").
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return inner.replace(/[\s\u0000-\u001f]+/g, '').toLowerCase();
}

/** Links may point at the web (clicking one in a PDF or mail opens a browser); nothing else may. */
function allowedUrl(tag: string, attr: string, value: string): boolean {
  const v = unquote(value);
  if (v.startsWith('#')) return true;
  if (attr !== 'href') return v.startsWith('data:image/') && !v.startsWith('data:image/svg');
  if (tag.toLowerCase() === 'a') return /^(https?:|mailto:|tel:)/.test(v);
  return false;
}

function cleanAttributes(tag: string, attrs: string): string {
  return attrs
    .replace(EVENT_ATTR, '$1data-blocked-on=')
    .replace(URL_ATTR, (whole, lead: string, name: string, eq: string, value: string) =>
      allowedUrl(tag, name.toLowerCase(), value)
        ? whole
        : `${lead}data-blocked-${name.replace(':', '-')}${eq}${value}`,
    );
}

function dropDangerousTags(html: string): string {
  // Repeated until nothing changes: removing `<script>` from `<scr<script></script>ipt>`
  // must not leave a new `<script>` behind.
  let out = html;
  for (let i = 0; i < 20; i++) {
    // Whole script elements first, so a script rebuilt by a removal goes with its text.
    let next = out.replace(SCRIPT_ELEMENT, '');
    if (next === out) next = out.replace(DROPPED_TAG, '');
    if (next === out) break;
    out = next;
  }
  // Anything still spelling a script tag after 20 rounds is shown as text.
  return out.replace(/<(\/?script)/gi, '&lt;$1');
}

export function neutraliseHtml(html: string): string {
  const tagsDone = dropDangerousTags(html).replace(TAG, (_whole, tag: string, attrs: string) => {
    return `<${tag}${cleanAttributes(tag, attrs)}>`;
  });
  return tagsDone
    .replace(CSS_IMPORT, '@blocked-import')
    .replace(CSS_REMOTE_URL, 'url($1about:invalid#');
}

export const REPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; form-action 'none'; base-uri 'none'";

/**
 * A whole document: standards mode, UTF-8, and our CSP as the first thing in <head>. The
 * meta tags go before the template's own markup, where the HTML parser puts them in the
 * head it opens (a later `<html>`/`<head>` merges into it), so they apply whatever the
 * template wrote, even a bare fragment.
 */
export function asReportDocument(html: string): string {
  const body = html.replace(/^\s*<!doctype[^>]*>/i, '').trimStart();
  return `<!doctype html>\n<meta charset="utf-8" />\n<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}" />\n${body}`;
}

/** Rendered template output → the document handed to the PDF page, previews and mail. */
export function finishDocument(html: string): string {
  return asReportDocument(neutraliseHtml(html));
}
