import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Handlebars from 'handlebars';
import { AppError } from '../rpc/errors';

/**
 * Report templates live in `templates/` at the repository root (dev, CLI, tests) and in
 * `process.resourcesPath/templates` in a packaged app (electron-builder's extraResources).
 * Core is bundled into `out/main` by electron-vite and run from `src/` by tsx, so the folder
 * is found by walking up from this file rather than by a fixed relative path.
 */
export function findTemplatesDir(explicit?: string): string {
  if (explicit) return explicit;
  const resourcesPath = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  if (resourcesPath && existsSync(join(resourcesPath, 'templates'))) {
    return join(resourcesPath, 'templates');
  }
  let dir = __dirname;
  for (;;) {
    const candidate = join(dir, 'templates');
    if (existsSync(join(candidate, 'session-report.hbs'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new AppError('internal', `Report templates were not found above ${__dirname}.`);
}

export type TemplateFn<T> = (view: T) => string;

const compiled = new Map<string, TemplateFn<never>>();
const hb = Handlebars.create();
const STYLESHEET = /<link\s+rel=["']stylesheet["']\s+href=["']([\w.-]+\.css)["']\s*\/?>/g;

/**
 * A template's own stylesheets (`<link rel="stylesheet" href="x.css">` naming a file beside
 * it) are inlined as `<style>` when it is compiled: reports fetch nothing, yet the template
 * stays plain HTML that Prettier formats and a browser previews.
 */
function inlineStylesheets(source: string, dir: string): string {
  return source.replace(STYLESHEET, (_link, file: string) => {
    const css = readFileSync(join(dir, file), 'utf8');
    // `{{` in CSS would be read as a Handlebars expression.
    return `<style>\n${css.replaceAll('{{', '\\{{')}\n</style>`;
  });
}

/**
 * Prettier's Handlebars printer drops `<!doctype html>`, and without it Chromium lays the
 * page out in quirks mode: a whole document gets it back here.
 */
function withDoctype(html: string): string {
  const body = html.trimStart();
  return /^<html[\s>]/i.test(body) ? `<!doctype html>\n${body}` : html;
}

/**
 * The compiled template `name` (e.g. `session-report.hbs`), cached. Compiled strict (a
 * misspelt field throws instead of printing nothing) and with built-in helpers only, so
 * templates stay logic-less; `{{x}}` always HTML-escapes.
 */
export function loadTemplate<T>(name: string, templatesDir?: string): TemplateFn<T> {
  const dir = resolve(findTemplatesDir(templatesDir));
  const key = join(dir, name);
  const cached = compiled.get(key) as TemplateFn<T> | undefined;
  if (cached) return cached;
  const source = inlineStylesheets(readFileSync(key, 'utf8'), dir);
  const fn = hb.compile<T>(source, { strict: true, knownHelpersOnly: true });
  const template: TemplateFn<T> = (view) => withDoctype(fn(view));
  compiled.set(key, template as TemplateFn<never>);
  return template;
}
