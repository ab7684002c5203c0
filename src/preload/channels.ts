/**
 * The only two IPC channels between the page and main. Defined here, next to the preload
 * that is their single user in the page; main imports them.
 */
/** page -> main: invoke(CALL_CHANNEL, methodName, input) resolves with a Result. */
export const CALL_CHANNEL = 'leadwatch:call';
/** main -> page: (eventName, payload) for the contract's push events. */
export const EVENT_CHANNEL = 'leadwatch:event';
