import { eventNames, methodNames } from '../shared/contract';

/**
 * The browser-side stand-in for the preload: a classic script that defines
 * `window.leadwatch` with one function per contract method (POST /rpc/<method> with the
 * token) and `on(event, cb)` fed by one EventSource. It is served from the page's own
 * origin, so the renderer's CSP (script-src 'self', connect-src 'self') allows it unchanged.
 *
 * Like the preload, a call never throws: a network failure comes back as a Result error.
 */
export function renderShim(token: string): string {
  const config = JSON.stringify({ token, methods: methodNames, events: eventNames });
  return `"use strict";
(() => {
  const { token, methods, events } = ${config};
  const listeners = new Map();
  let source = null;

  const failure = (type, message) => ({ ok: false, error: { type, message } });

  async function call(method, input) {
    let response;
    try {
      response = await fetch('/rpc/' + encodeURIComponent(method), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-leadwatch-token': token },
        body: input === undefined ? '' : JSON.stringify(input),
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

  function connect() {
    if (source) return;
    source = new EventSource('/events?token=' + encodeURIComponent(token));
    // For tests: an event sent before the stream is open is lost, so they wait for this.
    source.onopen = () => {
      document.documentElement.dataset.leadwatchEvents = 'open';
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
