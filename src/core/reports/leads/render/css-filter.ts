import postcss, { type ChildNode, type Container } from 'postcss';

/**
 * The CSS a report may use: an allow-list of properties and of value shapes, for `style=""`
 * attributes (through sanitize-html's `allowedStyles`) and `<style>` elements (rebuilt here).
 *
 * Values may hold words, numbers, units, colours, quoted font names and a few functions
 * that compute a number or a colour. Everything that can load or run something is outside
 * that shape: `url(`, `image-set(`, `expression(`, `@import`, and backslash escapes, which
 * CSS resolves before it looks at a name (`u\72l(` is `url(`), are never accepted.
 */
export const CSS_PROPERTIES = [
  // What the built-in templates and the ECharts SVG use…
  ...['-webkit-print-color-adjust', 'print-color-adjust', 'align-items', 'background'],
  ...['border', 'border-bottom', 'border-collapse', 'border-radius', 'border-top'],
  ...['box-sizing', 'break-after', 'break-inside', 'color', 'cursor', 'display', 'fill'],
  ...['font-family', 'font-size', 'font-style', 'font-variant-numeric', 'font-weight', 'gap'],
  ...['grid-template-columns', 'height', 'justify-content', 'letter-spacing', 'line-height'],
  ...['margin', 'margin-bottom', 'margin-left', 'margin-right', 'margin-top', 'max-width'],
  ...['min-width', 'overflow', 'overflow-wrap', 'padding', 'padding-bottom', 'padding-left'],
  ...['pointer-events', 'text-align', 'text-transform', 'vertical-align', 'white-space', 'width'],
  // …and what a custom layout for paper commonly needs besides.
  ...['background-color', 'border-left', 'border-right', 'border-color', 'border-style'],
  ...['border-width', 'border-spacing', 'border-top-left-radius', 'border-top-right-radius'],
  ...['border-bottom-left-radius', 'border-bottom-right-radius', 'box-shadow', 'opacity'],
  ...['padding-top', 'padding-right', 'min-height', 'max-height', 'overflow-x', 'overflow-y'],
  ...['word-break', 'text-decoration', 'text-indent', 'text-overflow', 'word-spacing', 'font'],
  ...['font-variant', 'flex', 'flex-direction', 'flex-wrap', 'flex-grow', 'flex-shrink'],
  ...['flex-basis', 'align-self', 'align-content', 'row-gap', 'column-gap', 'order'],
  ...['grid-template-rows', 'grid-column', 'grid-row', 'grid-area', 'list-style'],
  ...['list-style-type', 'list-style-position', 'table-layout', 'caption-side', 'float', 'clear'],
  ...['break-before', 'page-break-before', 'page-break-after', 'page-break-inside', 'orphans'],
  ...['widows', 'visibility', 'position', 'top', 'right', 'bottom', 'left', 'z-index'],
  ...['columns', 'column-count', 'column-width', 'hyphens', 'direction', 'size', 'transform'],
  ...['transform-origin', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity'],
  ...['stroke-linecap', 'stroke-linejoin', 'stroke-dasharray', 'text-anchor', 'dominant-baseline'],
];

/** Functions that compute a colour, a length or a transform; nothing that names a resource. */
const FUNCTIONS = [
  ...['rgb', 'rgba', 'hsl', 'hsla', 'calc', 'min', 'max', 'clamp', 'minmax', 'repeat'],
  ...['fit-content', 'translate', 'translatex', 'translatey', 'rotate', 'scale', 'matrix'],
  ...['linear-gradient', 'radial-gradient', 'repeating-linear-gradient'],
];

// A value is a run of plain characters and allowed function openers. `(` only ever follows
// a whole allowed name, so `url(`, `image-set(`, `-webkit-image-set(` and `expression(` all
// fail; there is no backslash, `<`, `&`, `;`, `:`, `@` or brace, and no comment.
export const SAFE_CSS_VALUE = new RegExp(
  `^(?!.*/\\*)(?:(?<![\\w-])(?:${FUNCTIONS.join('|')})\\(|[\\w\\s.,%#'"!+*/)-])*$`,
  'i',
);

const ALLOWED = new Set(CSS_PROPERTIES);
const SELECTOR = /^[\w\s.#:>+~*,()[\]="'^$|-]+$/;
const AT_RULE_PARAMS: Record<string, RegExp> = {
  media: /^[\w\s().:,-]+$/,
  page: /^[\w\s:-]*$/,
};

function declaration(node: ChildNode): string {
  if (node.type !== 'decl') return '';
  const prop = node.prop.toLowerCase();
  if (!ALLOWED.has(prop) || !SAFE_CSS_VALUE.test(node.value)) return '';
  return `${prop}:${node.value}${node.important ? ' !important' : ''};`;
}

/** A container's children, rebuilt from what is allowed (never from the source's raw text). */
function rebuild(container: Container): string {
  return (container.nodes ?? []).map(rebuildNode).join('');
}

function rebuildNode(node: ChildNode): string {
  if (node.type === 'decl') return declaration(node);
  if (node.type === 'rule') {
    if (!SELECTOR.test(node.selector)) return '';
    const body = node.nodes.map(declaration).join('');
    return body ? `${node.selector}{${body}}` : '';
  }
  if (node.type === 'atrule') {
    const name = node.name.toLowerCase();
    const params = AT_RULE_PARAMS[name];
    if (!params?.test(node.params) || !node.nodes) return '';
    // @page holds declarations, @media holds rules.
    const body = name === 'page' ? node.nodes.map(declaration).join('') : rebuild(node);
    return body ? `@${name} ${node.params}{${body}}` : '';
  }
  return ''; // comments
}

/**
 * A `<style>` element's text → the same rules with only allowed properties and values, or
 * '' when nothing is left or the CSS does not parse. The result holds no `<`, `&` or `\`,
 * so it reads the same as HTML raw text and as SVG text (where entities are decoded).
 */
export function cleanStylesheet(css: string): string {
  const source = css.replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '');
  let out: string;
  try {
    out = rebuild(postcss.parse(source));
  } catch {
    return '';
  }
  return /[<&\\]/.test(out) ? '' : out;
}
