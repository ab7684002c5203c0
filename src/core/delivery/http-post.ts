import { AppError } from '../rpc/errors';

export const WEBHOOK_TIMEOUT_MS = 15_000;
/** How much of a refusing server's answer goes into the error: enough to read, not a page. */
const BODY_EXCERPT = 300;

/**
 * A webhook URL safe to show: scheme, host and the first path segment, then `/…` when
 * something is hidden. Slack's `https://hooks.slack.com/services/T…/B…/secret` and n8n's
 * `https://n8n.example.com/webhook/<uuid>` carry their secret in the path (and some put a
 * token in the query), so neither ever appears in a log, an error or the UI.
 */
export function redactWebhookUrl(raw: string): string {
  try {
    const u = new URL(raw);
    const segments = u.pathname.split('/').filter(Boolean);
    const first = segments[0] ? `/${segments[0]}` : '';
    const hidden = segments.length > 1 || u.search !== '' || u.hash !== '';
    return `${u.protocol}//${u.host}${first}${hidden ? '/…' : ''}`;
  } catch {
    return '(unparseable URL)';
  }
}

/**
 * Removes the URL's secret parts (every path segment after the first, the query) from a
 * text a server or the network stack sent back: some receivers echo the request. Only
 * foreign text goes through here; our own words and the redacted URL never do.
 */
export function scrub(text: string, url: string): string {
  let out = text;
  try {
    const u = new URL(url);
    const secret = u.pathname.split('/').filter(Boolean).slice(1);
    const query = u.search.slice(1);
    if (secret.length === 0 && query === '') return text; // nothing in the URL is secret
    const parts = [u.href, u.pathname, query, secret.join('/'), ...secret];
    for (const s of parts.filter((p) => p.length >= 6)) out = out.split(s).join('…');
  } catch {
    // An unparseable URL was never sent, so nothing of it can be echoed.
  }
  return out;
}

/** Why a request got no answer, as the end of "… could not be reached (…)" or "… did not answer". */
function unreachable(error: unknown, timeoutMs: number): string {
  // fetch says only "fetch failed"; the socket's reason (ECONNREFUSED, …) is in its cause.
  const e = error as Error & { cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError') return `did not answer within ${seconds(timeoutMs)}`;
  const code = e.cause?.code ?? '';
  const reasons: Record<string, string> = {
    ECONNREFUSED: 'could not be reached (connection refused): check the receiver is running',
    ENOTFOUND: 'could not be reached (host name not found): check the URL',
    EAI_AGAIN: 'could not be reached (host name lookup failed): check the network',
    EHOSTUNREACH: 'could not be reached (host unreachable): check the network',
    ENETUNREACH: 'could not be reached (network unreachable): check the network',
    ECONNRESET: 'closed the connection before answering: check the receiver',
    UND_ERR_SOCKET: 'closed the connection before answering: check the receiver',
    UND_ERR_CONNECT_TIMEOUT: `could not be reached within ${seconds(timeoutMs)}: check the network`,
  };
  if (reasons[code]) return reasons[code];
  if (/CERT|SSL|TLS/.test(code)) {
    return `refused: its TLS certificate is not trusted (${code}): check the URL or the certificate`;
  }
  if (/redirect/i.test(e.cause?.message ?? '')) {
    return 'answered with a redirect, which is not followed: use the final URL';
  }
  const detail = code || e.cause?.message || e.message;
  return `could not be reached (${detail})`;
}

const seconds = (ms: number) => (ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`);

export interface PostOptions {
  /** What is posting, for messages: "Slack webhook", "Webhook". */
  label: string;
  timeoutMs?: number;
  headers?: Record<string, string>;
}

/**
 * POSTs JSON with Node's fetch and a hard timeout. Any answer but 2xx is a failure whose
 * message carries the status and the start of the body (Slack says `invalid_token`,
 * `channel_not_found` there), with the URL redacted.
 */
export async function postJson(url: string, body: unknown, options: PostOptions): Promise<number> {
  const where = `${options.label} ${redactWebhookUrl(url)}`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AppError('invalid_input', `${options.label}: not a URL (${redactWebhookUrl(url)}).`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new AppError('invalid_input', `${where}: only http(s) URLs can be posted to.`);
  }
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  let response: Response;
  try {
    response = await fetch(parsed, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...options.headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
  } catch (error) {
    throw new AppError('unavailable', `${where} ${scrub(unreachable(error, timeoutMs), url)}`, {
      cause: error,
    });
  }
  if (response.ok) {
    await response.body?.cancel();
    return response.status;
  }
  const text = await response.text().catch(() => '');
  const excerpt = text.length > BODY_EXCERPT ? `${text.slice(0, BODY_EXCERPT)}…` : text;
  throw new AppError(
    'unavailable',
    `${where} answered ${response.status}${excerpt ? `: ${scrub(excerpt, url)}` : ''}`,
  );
}
