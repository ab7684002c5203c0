/**
 * One redaction for every way the drivers accept a credential in a connection string:
 * the userinfo password (`redis://:pw@host`, `smtp://user:pw@host`), and query parameters
 * that pg (`?password=`, `?sslpassword=`), ioredis (`?password=`) and nodemailer (`?pass=`)
 * read. Works on the raw text, so a string no URL parser accepts is still redacted.
 */
export const MASK = '•••';

/** Query keys that carry a secret (lower case; `auth.pass` and `auth[pass]` match by their last part). */
const SECRET_KEYS = new Set([
  'password',
  'pass',
  'passwd',
  'pwd',
  'sslpassword',
  'secret',
  'token',
  'access_token',
  'apikey',
  'api_key',
  'key',
  'auth',
  'authorization',
]);

function isSecretKey(rawKey: string): boolean {
  let key = rawKey;
  try {
    key = decodeURIComponent(rawKey);
  } catch {
    // a malformed escape: judge the raw text
  }
  const last =
    key
      .toLowerCase()
      .split(/[.[\]]/)
      .filter(Boolean)
      .at(-1) ?? '';
  return SECRET_KEYS.has(last) || last.endsWith('password') || last.endsWith('secret');
}

// The drivers trim leading spaces and control characters, and ioredis reads `//:pw@host`,
// `:pw@host:6379`, `user:pw@host` and `redis:pw@host` too (it adds `redis://` itself); the
// userinfo runs to the last `@` before the path, as a URL parser reads it.
// The leading run is split off first: matched inside one pattern with the userinfo, which
// may hold spaces too, a long run of spaces took time growing with its square.
// eslint-disable-next-line no-control-regex
const LEADING = /^[\s\u0000-\u001f]*/;
const AUTHORITY = /^((?:[a-z][a-z0-9+.-]*:)?\/\/)([^/?#]*)@/i;
const SCHEMELESS = /^([^/?#]*)@/;

const maskUserinfo = (userinfo: string): string => {
  const colon = userinfo.indexOf(':');
  return colon === -1 ? userinfo : `${userinfo.slice(0, colon)}:${MASK}`;
};

function redactUserinfo(url: string): string {
  const lead = LEADING.exec(url)?.[0] ?? '';
  const rest = url.slice(lead.length);
  const redacted = AUTHORITY.test(rest)
    ? rest.replace(AUTHORITY, (_all, scheme: string, userinfo: string) => {
        return `${scheme}${maskUserinfo(userinfo)}@`;
      })
    : rest.replace(SCHEMELESS, (_all, userinfo: string) => `${maskUserinfo(userinfo)}@`);
  return lead + redacted;
}

function redactQuery(url: string): string {
  const q = url.indexOf('?');
  if (q === -1) return url;
  const hash = url.indexOf('#', q);
  const end = hash === -1 ? url.length : hash;
  const query = url
    .slice(q + 1, end)
    .split(/([&;])/)
    .map((part) => {
      const eq = part.indexOf('=');
      if (eq === -1 || !isSecretKey(part.slice(0, eq))) return part;
      return `${part.slice(0, eq)}=${MASK}`;
    })
    .join('');
  return `${url.slice(0, q + 1)}${query}${url.slice(end)}`;
}

/** A connection string with every credential it carries replaced by •••, fit to show or log. */
export function redactUrl(url: string): string {
  return redactQuery(redactUserinfo(url));
}

// The scheme is bounded and starts at a word boundary: unbounded, every letter of a long run
// started a new scan of the run (200,000 letters took 20 s, with core answering nothing).
const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]{0,31}:\/\/[^\s'"<>()]+/gi;
// libpq keyword form (`host=db password=pw`) and a loose `password: pw` in a driver's message.
const KEYWORD_SECRET = /\b(password|pass|passwd|pwd|sslpassword)(\s*[=:]\s*)(?!•)([^\s&;,'"]+)/gi;

/** Free text (an error message, a log line) with every connection string in it redacted. */
export function redactText(text: string): string {
  return text
    .replace(URL_IN_TEXT, (url) => redactUrl(url))
    .replace(KEYWORD_SECRET, (_all, key: string, sep: string) => `${key}${sep}${MASK}`);
}
