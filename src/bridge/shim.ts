import { eventNames, methodNames } from '../shared/contract';

/**
 * The browser-side stand-in for the preload: a classic script that defines
 * `window.leadwatch` with one function per contract method (POST /rpc/<method> with the
 * token) and `on(event, cb)` fed by one EventSource. It is served from the page's own
 * origin, so the renderer's CSP (script-src 'self', connect-src 'self') allows it unchanged.
 *
 * The script holds no secret: anyone may fetch it. The token comes from the address the
 * bridge printed (`#token=<hex>`, optionally `&/route`): the shim takes it out of the URL
 * before the app reads its route, and keeps it in sessionStorage so a reload of the same
 * tab still works (sessionStorage is this origin's and this tab's only, and a fragment is
 * never sent to a server).
 *
 * Like the preload, a call never throws: a network failure comes back as a Result error.
 */
export function renderShim(): string {
  const config = JSON.stringify({ methods: methodNames, events: eventNames });
  return `"use strict";
(() => {
  const { methods, events } = ${config};
  const STORAGE_KEY = 'leadwatch-bridge-token';
  const listeners = new Map();
  let streaming = false;
  let retryMs = 1000;

  const failure = (type, message) => ({ ok: false, error: { type, message } });

  function takeToken() {
    const match = /^#token=([0-9a-f]{64})(?:&(.*))?$/.exec(location.hash);
    if (!match) {
      try {
        return sessionStorage.getItem(STORAGE_KEY);
      } catch {
        return null;
      }
    }
    try {
      sessionStorage.setItem(STORAGE_KEY, match[1]);
    } catch {
      // Storage off: the token lives for this page only.
    }
    const rest = match[2] ? '#' + match[2] : '';
    history.replaceState(history.state, '', location.pathname + location.search + rest);
    return match[1];
  }
  const token = takeToken();

  async function post(path, body) {
    if (!token) {
      return failure(
        'forbidden',
        'This page has no bridge token: open the address the bridge printed (it ends in #token=…)',
      );
    }
    let response;
    try {
      response = await fetch(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-leadwatch-token': token },
        body,
      });
    } catch (error) {
      return failure('unavailable', 'The Leadwatch test bridge is not reachable: ' + String(error));
    }
    try {
      return await response.json();
    } catch {
      return failure('internal', 'The test bridge answered ' + response.status + ' without a Result');
    }
  }

  const call = (method, input) =>
    post('/rpc/' + encodeURIComponent(method), input === undefined ? '' : JSON.stringify(input));

  function connect() {
    if (streaming || !token) return;
    streaming = true;
    void open();
  }

  function retry() {
    setTimeout(() => void open(), retryMs);
    retryMs = Math.min(retryMs * 2, 30000);
  }

  async function open() {
    // EventSource cannot send the token: a one-use ticket stands in for it.
    const result = await post('/events/ticket', '');
    if (!result.ok) return retry();
    const source = new EventSource('/events?ticket=' + encodeURIComponent(result.value.ticket));
    // For tests: an event sent before the stream is open is lost, so they wait for this.
    source.onopen = () => {
      retryMs = 1000;
      document.documentElement.dataset.leadwatchEvents = 'open';
    };
    // The ticket is spent, so EventSource's own reconnect would be refused: start over.
    source.onerror = () => {
      source.close();
      document.documentElement.dataset.leadwatchEvents = 'closed';
      retry();
    };
    source.onmessage = (message) => {
      let data;
      try {
        data = JSON.parse(message.data);
      } catch {
        return;
      }
      const set = listeners.get(data.event);
      if (set) for (const listener of [...set]) listener(data.payload);
    };
  }

  const api = {};
  for (const method of methods) api[method] = (input) => call(method, input);
  api.on = (event, listener) => {
    if (!events.includes(event)) throw new Error('Unknown Leadwatch event: ' + String(event));
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    connect();
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  };
  Object.defineProperty(window, 'leadwatch', { value: Object.freeze(api), enumerable: true });
})();
`;
}

/** The fragment that hands a page the token: `#token=<hex>`, then `&/route` if given. */
export function tokenHash(token: string, hash = ''): string {
  const route = hash.replace(/^#/, '');
  return `#token=${token}${route ? `&${route}` : ''}`;
}
