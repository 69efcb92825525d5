import { contextualShortcuts, keysLabel, shortcuts } from '../ide/shortcuts';
import { button, openDialog } from './dialogs';
import { h } from './dom';

export function helpDialog(mac: boolean): Promise<string> {
  const row = (keys: string, description: string) => h('tr', {}, h('td', {}, h('kbd', {}, keysLabel(keys, mac))), h('td', {}, description));
  return openDialog((close) => {
    const ok = button('Close', { 'data-testid': 'help-close', onclick: () => close('ok') }, 'primary');
    return {
      title: 'Keyboard shortcuts',
      testid: 'help-dialog',
      body: [
        h('table', { class: 'shortcuts' }, h('tbody', {}, shortcuts.map((s) => row(s.keys, s.description)), contextualShortcuts.map((s) => row(s.keys, s.description)))),
        h('p', { class: 'muted small' }, 'Every save is a commit in your project’s history. Unsaved edits are kept in this browser until you save.'),
        h('div', { class: 'dialog-actions' }, ok),
      ],
      initialFocus: ok,
    };
  });
}
