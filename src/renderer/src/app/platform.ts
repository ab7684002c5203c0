/** macOS shows ⌘ where everyone else has Ctrl; Mantine's "mod" hotkeys already map both. */
export const isMac =
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);
export const modKeyLabel = isMac ? '⌘' : 'Ctrl';
/** For aria-keyshortcuts, which wants the modifier's key name. */
export const modKeyAria = isMac ? 'Meta' : 'Control';
