import sanitizeHtml, { type IOptions } from 'sanitize-html';
import { CSS_PROPERTIES, SAFE_CSS_VALUE, cleanStylesheet } from './css-filter';

/**
 * Making rendered report HTML inert, for the three places it goes: the PDF page, the
 * app's live preview and mail bodies.
 *
 * Report values are escaped before a template sees them (template-data.ts); what is here
 * is about the template's own markup. It goes through sanitize-html with an allow-list:
 * the document, text, table and list elements a report uses, the SVG that ECharts draws,
 * `<img>` only with an inline raster `data:` image, `<a href>` only to http(s), mailto and
 * tel; no event handler or other attribute outside the list; CSS only with the properties
 * and value shapes of css-filter.ts. Two more walls stand behind it and do not depend on
 * it: every document carries a Content-Security-Policy that forbids scripts and every load
 * but inline styles and data: images, the PDF page runs with JavaScript off and every
 * request aborted (PdfRenderer), and the app shows previews in a sandboxed iframe.
 */

const HTML_TAGS = [
  ...['html', 'head', 'body', 'title', 'style', 'header', 'footer', 'main', 'section'],
  ...['article', 'aside', 'nav', 'div', 'span', 'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4'],
  ...['h5', 'h6', 'b', 'strong', 'i', 'em', 'u', 's', 'small', 'sub', 'sup', 'mark'],
  ...['abbr', 'code', 'pre', 'blockquote', 'q', 'ul', 'ol', 'li', 'dl', 'dt', 'dd'],
  ...['table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'],
  ...['figure', 'figcaption', 'img', 'a', 'time', 'address', 'wbr'],
];
// No <use>, <image>, <a>, <foreignObject>, <animate>/<set>: the SVG elements that link or act.
const SVG_TAGS = [
  ...['svg', 'g', 'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon'],
  ...['text', 'tspan', 'defs', 'clippath', 'lineargradient', 'radialgradient', 'stop', 'desc'],
];
const SVG_ATTRIBUTES = [
  ...['width', 'height', 'viewbox', 'xmlns', 'xmlns:xlink', 'version', 'baseprofile'],
  ...['preserveaspectratio', 'd', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx'],
  ...['ry', 'dx', 'dy', 'points', 'transform', 'fill', 'fill-opacity', 'fill-rule', 'stroke'],
  ...['stroke-width', 'stroke-opacity', 'stroke-linecap', 'stroke-linejoin', 'opacity'],
  ...['stroke-miterlimit', 'stroke-dasharray', 'stroke-dashoffset', 'clip-path', 'clip-rule'],
  ...['pointer-events', 'text-anchor', 'dominant-baseline', 'font-size', 'font-family'],
  ...['font-weight', 'font-style', 'letter-spacing', 'xml:space', 'paint-order', 'offset'],
  ...['stop-color', 'stop-opacity', 'gradientunits', 'gradienttransform', 'clippathunits'],
];
const CELL = ['colspan', 'rowspan', 'scope', 'headers', 'align', 'valign', 'width', 'height'];

/** SVG attributes the browser reads as CSS values, where `url(` and escapes would work. */
const CSS_VALUED = new Set(['fill', 'stroke', 'clip-path', 'transform', 'font-family']);
/** The one `url()` an attribute may hold: a clip path or gradient in the same document. */
const FRAGMENT_URL = /^url\(\s*#[\w.:-]+\s*\)$/;
const RASTER_DATA_URL = /^data:image\/(?:png|jpeg|gif|webp);base64,[\w+/=\s]*$/i;

function keptAttributes(tag: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Attributes {
  const kept: sanitizeHtml.Attributes = {};
  for (const [name, value] of Object.entries(attribs)) {
    if (CSS_VALUED.has(name) && !FRAGMENT_URL.test(value) && !SAFE_CSS_VALUE.test(value)) continue;
    // An <img> shows an inline picture or nothing: no remote, relative or SVG source.
    if (tag === 'img' && name === 'src' && !RASTER_DATA_URL.test(value.trim())) continue;
    kept[name] = value;
  }
  return kept;
}

const SAFE_VALUE = [SAFE_CSS_VALUE];

const POLICY: IOptions = {
  allowedTags: [...HTML_TAGS, ...SVG_TAGS],
  // `<style>` is allowed only to be taken out whole (see neutraliseHtml) and rebuilt by
  // css-filter.ts: sanitize-html itself would pass its text through untouched.
  allowVulnerableTags: true,
  nonTextTags: [
    'script',
    'style',
    'textarea',
    'option',
    'xmp',
    'noscript',
    'noembed',
    'noframes',
    'template',
  ],
  allowedAttributes: {
    '*': ['class', 'id', 'style', 'title', 'lang', 'dir', 'role', 'aria-*', 'data-*'],
    a: ['href'],
    img: ['src', 'alt', 'width', 'height'],
    table: ['width', 'cellpadding', 'cellspacing', 'border', 'align'],
    td: CELL,
    th: CELL,
    col: ['span', 'width'],
    colgroup: ['span', 'width'],
    ol: ['start', 'type', 'reversed'],
    li: ['value'],
    time: ['datetime'],
    ...Object.fromEntries(SVG_TAGS.map((t) => [t, SVG_ATTRIBUTES])),
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['data'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  allowedStyles: { '*': Object.fromEntries(CSS_PROPERTIES.map((p) => [p, SAFE_VALUE])) },
  transformTags: {
    '*': (tagName, attribs) => ({ tagName, attribs: keptAttributes(tagName, attribs) }),
  },
};

/**
 * The template's markup with only allowed elements, attributes and CSS. `<style>` elements
 * are removed where they stand and their rules, rebuilt by css-filter.ts, go into one
 * `<style>` at the top of the head (a style sheet applies document-wide wherever it is,
 * even inside an SVG; their order is kept).
 */
export function neutraliseHtml(html: string): string {
  const sheets: string[] = [];
  const body = sanitizeHtml(html, {
    ...POLICY,
    exclusiveFilter: (frame) => {
      if (frame.tag !== 'style') return false;
      sheets.push(frame.text);
      return true;
    },
  });
  const css = sheets.map(cleanStylesheet).filter(Boolean).join('\n');
  if (!css) return body;
  const style = `<style>${css}</style>`;
  // sanitize-html escapes every `<` of text and attributes, so this is the element.
  const head = body.indexOf('<head>') + '<head>'.length;
  return head < '<head>'.length ? style + body : body.slice(0, head) + style + body.slice(head);
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
