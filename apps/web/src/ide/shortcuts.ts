/** Keyboard shortcuts of the IDE: one list drives both the key handler and the help dialog. */
export type ShortcutId = 'save' | 'deploy' | 'newFile' | 'closeTab' | 'nextTab' | 'prevTab' | 'focusFiles' | 'focusEditor' | 'focusLogs' | 'help';

export interface Shortcut {
  id: ShortcutId;
  /** As shown to the student ("Mod" reads Ctrl, or ⌘ on a Mac). */
  keys: string;
  description: string;
  match: (e: KeyLike, mac: boolean) => boolean;
}

export interface KeyLike {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

const mod = (e: KeyLike, mac: boolean) => (mac ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey);
const alt = (e: KeyLike, key: string, code: string) => e.altKey && !e.ctrlKey && !e.metaKey && (e.key.toLowerCase() === key || e.code === code);

export const shortcuts: readonly Shortcut[] = [
  { id: 'save', keys: 'Mod+S', description: 'Save all changed files (one commit)', match: (e, m) => mod(e, m) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 's' },
  { id: 'deploy', keys: 'Mod+Shift+Enter', description: 'Deploy (saves first if needed)', match: (e, m) => mod(e, m) && e.shiftKey && e.key === 'Enter' },
  { id: 'newFile', keys: 'Alt+N', description: 'New file', match: (e) => alt(e, 'n', 'KeyN') },
  { id: 'closeTab', keys: 'Alt+W', description: 'Close the current tab', match: (e) => alt(e, 'w', 'KeyW') },
  { id: 'nextTab', keys: 'Alt+.', description: 'Next tab', match: (e) => alt(e, '.', 'Period') },
  { id: 'prevTab', keys: 'Alt+,', description: 'Previous tab', match: (e) => alt(e, ',', 'Comma') },
  { id: 'focusFiles', keys: 'Alt+1', description: 'Go to the file list', match: (e) => alt(e, '1', 'Digit1') },
  { id: 'focusEditor', keys: 'Alt+2', description: 'Go to the editor', match: (e) => alt(e, '2', 'Digit2') },
  { id: 'focusLogs', keys: 'Alt+3', description: 'Go to the app log', match: (e) => alt(e, '3', 'Digit3') },
  { id: 'help', keys: 'Alt+H', description: 'Show this list', match: (e) => alt(e, 'h', 'KeyH') },
];

/** Shortcuts that are not global but work where they say. */
export const contextualShortcuts: readonly { keys: string; description: string }[] = [
  { keys: 'F2', description: 'Rename the selected file (in the file list)' },
  { keys: 'Delete', description: 'Delete the selected file (in the file list)' },
  { keys: '↑ / ↓', description: 'Move through the file list' },
  { keys: 'Esc, then Tab', description: 'Leave the editor (Tab alone indents code)' },
  { keys: 'Mod+F', description: 'Find in the current file' },
];

export function findShortcut(e: KeyLike, mac: boolean): ShortcutId | null {
  return shortcuts.find((s) => s.match(e, mac))?.id ?? null;
}

export function keysLabel(keys: string, mac: boolean): string {
  return keys.replace('Mod', mac ? '⌘' : 'Ctrl').replace('Alt', mac ? '⌥' : 'Alt');
}
