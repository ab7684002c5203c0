import { AppError } from '../rpc/errors';

export const WEBHOOK_TIMEOUT_MS = 15_000;
/** How much of a refusing server's answer goes into the error: enough to read, not a page. */
const BODY_EXCERPT = 300;

/**
 * A webhook URL safe to show: scheme, host and the first path segment, the rest hidden.
 * Slack's `https://hooks.slack.com/services/T…/B…/secret` and n8n's
 * `https://n8n.example.com/webhook/<uuid>` carry their secret in the path (and some put a
 * token in the query), so neither ever appears in a log, an error or the UI.
 */
export function redactWebhookUrl(raw: string): string {
  try {
    const u = new URL(raw);
    const first = u.pathname.split('/').filter(Boolean)[0];
    return `${u.protocol}//${u.host}${first ? `/${first}/***` : ''}`;
  } catch {
    return '(unparseable URL)';
  }
}

/**
 * Removes the URL's secret parts (every path segment after the first, the query) from a
 * text a server or the network stack sent back: some receivers echo the request.
 */
export function scrub(text: string, url: string): string {
  let out = text;
  try {
    const u = new URL(url);
    const secret = u.pathname.split('/').filter(Boolean).slice(1);
    const parts = [u.href, u.pathname, u.search.slice(1), secret.join('/'), ...secret];
    for (const s of parts.filter((p) => p.length >= 6)) out = out.split(s).join('***');
  } catch {
    // An unparseable URL was never sent, so nothing of it can be echoed.
  }
  return out;
}

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
    // fetch says only "fetch failed"; the socket's reason (ECONNREFUSED, …) is in its cause.
    const e = error as Error & { cause?: { code?: string; message?: string } };
    const reason =
      e.name === 'TimeoutError'
        ? `no answer within ${timeoutMs} ms`
        : (e.cause?.code ?? e.cause?.message ?? e.message);
    throw new AppError('unavailable', scrub(`${where}: ${reason}`, url), { cause: error });
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
