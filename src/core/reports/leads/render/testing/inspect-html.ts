/**
 * Functions that run in a browser page (puppeteer `page.evaluate`) to look at HTML as the
 * browser parses it. Core is type-checked without the DOM library, so the little of the DOM
 * they use is declared here, for this file only.
 */
interface InertElement {
  localName: string;
  textContent: string | null;
  attributes: ArrayLike<{ name: string; value: string }>;
  style: { cssText: string };
}
interface InertDocument {
  querySelectorAll(selector: string): ArrayLike<InertElement>;
}
declare const DOMParser: new () => {
  parseFromString(html: string, type: 'text/html'): InertDocument;
};
declare const CSSStyleSheet: new () => {
  replaceSync(css: string): void;
  cssRules: ArrayLike<{ cssText: string }>;
};

/**
 * Runs in the inspecting page: every construct left in `html`, as the browser parsed it,
 * that could run script or load something. The document is inert (DOMParser), so nothing
 * in it runs while it is looked at.
 */
export function scriptCapable(html: string): string[] {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const acting = new Set(
    (
      'script iframe frame frameset object embed applet base link meta form input button ' +
      'portal animate set animatemotion animatetransform use image foreignobject'
    ).split(' '),
  );
  const urlAttrs = new Set(
    (
      'href src xlink:href action formaction srcset background poster data dynsrc lowsrc ' +
      'to from values'
    ).split(' '),
  );
  const cssAttrs = new Set(['style', 'fill', 'stroke', 'clip-path', 'mask', 'filter', 'cursor']);
  const loadsInCss = /url\s*\(|image-set|expression|@import|behavior|binding|\\/i;
  const found: string[] = [];
  for (const el of Array.from(doc.querySelectorAll('*'))) {
    const tag = el.localName.toLowerCase();
    if (acting.has(tag)) found.push(`<${tag}>`);
    if (tag === 'style' && loadsInCss.test(el.textContent ?? '')) {
      found.push(`<style>${el.textContent}`);
    }
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      // eslint-disable-next-line no-control-regex -- browsers skip these inside a scheme
      const url = attr.value.replace(/[\s\u0000-\u001f]+/g, '').toLowerCase();
      if (name.startsWith('on')) found.push(`${tag} ${name}`);
      const linkOk = tag === 'a' && name === 'href' && /^(https?:|mailto:|tel:|#)/.test(url);
      const imageOk =
        tag === 'img' && name === 'src' && /^data:image\/(png|jpeg|gif|webp);/.test(url);
      if (urlAttrs.has(name) && !linkOk && !imageOk) found.push(`${tag} ${name}=${url}`);
      const fragment = /^url\(#[\w.:-]+\)$/.test(attr.value.trim());
      if (cssAttrs.has(name) && !fragment && loadsInCss.test(attr.value)) {
        found.push(`${tag} ${name}=${attr.value}`);
      }
    }
  }
  return found;
}

/** Runs in the inspecting page: the elements and the CSS rules as the browser reads them. */
export function parsedShape(html: string): { elements: string[]; rules: string[] } {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const elements = Array.from(doc.querySelectorAll('body *:not(style)')).map((el) =>
    [
      el.localName,
      ...Array.from(el.attributes)
        .filter((a) => !a.name.startsWith('ecmeta_'))
        // The style attribute as the browser reads it, not as it was spelt.
        .map((a) => `${a.name}=${a.name === 'style' ? el.style.cssText : a.value}`)
        .sort(),
    ].join(' '),
  );
  const rules: string[] = [];
  for (const style of Array.from(doc.querySelectorAll('style'))) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(style.textContent ?? '');
    rules.push(...Array.from(sheet.cssRules).map((r) => r.cssText));
  }
  return { elements, rules };
}
