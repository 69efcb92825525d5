import type { Choice, ConflictItem } from '../workspace/conflict';
import { allChosen } from '../workspace/conflict';
import { lineDiff } from '../workspace/line-diff';
import { button, openDialog } from './dialogs';
import { h } from './dom';

export interface ConflictDialogText {
  title: string;
  intro: string;
  confirm: string;
}

/**
 * Both versions of every conflicting file side by side (lines only on one side are marked),
 * and for each a choice: keep mine, or take the saved one. Resolves with the choices, or
 * null if the student closes it (nothing is lost: the edits stay unsaved).
 */
export async function conflictDialog(items: readonly ConflictItem[], text: ConflictDialogText): Promise<Map<string, Choice> | null> {
  const choices = new Map<string, Choice>();
  const result = await openDialog((close) => {
    const error = h('p', { class: 'field-error', role: 'alert', 'data-testid': 'conflict-error' });
    const files = items.map((item, i) => fileBlock(item, i, choices));
    const save = button(text.confirm, {
      'data-testid': 'conflict-save',
      onclick: () => {
        if (allChosen(items, choices)) close('ok');
        else error.textContent = 'Choose a version for each file first.';
      },
    }, 'primary');
    const cancel = button('Not now', { 'data-testid': 'conflict-cancel', onclick: () => close('cancel') });
    return {
      title: text.title,
      testid: 'conflict-dialog',
      wide: true,
      body: [h('p', {}, text.intro), h('div', { class: 'conflict-files' }, files), error, h('div', { class: 'dialog-actions' }, cancel, save)],
      initialFocus: files[0]?.querySelector('input') ?? save,
    };
  });
  return result === 'ok' ? choices : null;
}

function fileBlock(item: ConflictItem, index: number, choices: Map<string, Choice>): HTMLElement {
  const name = `conflict-${index}`;
  const diff = item.mine !== null && item.theirs !== undefined ? lineDiff(item.mine, item.theirs) : null;
  const side = (who: 'mine' | 'theirs', content: string | null | undefined, gone: string) => {
    const lines = diff ? diff.filter((l) => l.kind === 'same' || l.kind === who) : null;
    return h(
      'div',
      { class: `conflict-side conflict-${who}` },
      h('h4', { class: 'conflict-side-title' }, who === 'mine' ? 'Your version' : 'Saved version (newer)'),
      content === null || content === undefined
        ? h('p', { class: 'muted' }, gone)
        : h('pre', { class: 'conflict-code', tabindex: '0', 'data-testid': `conflict-${who}` }, lines ? lines.map((l) => h('span', { class: l.kind === 'same' ? 'line' : 'line line-changed' }, l.text)) : content),
    );
  };
  const radio = (choice: Choice, label: string, testid: string) =>
    h(
      'label',
      { class: 'radio' },
      h('input', { type: 'radio', name, value: choice, 'data-testid': testid, onchange: () => choices.set(item.path, choice) }),
      ' ',
      label,
    );
  return h(
    'fieldset',
    { class: 'conflict-file', 'data-testid': 'conflict-file', 'data-path': item.path },
    h('legend', {}, h('code', {}, item.path)),
    h('div', { class: 'conflict-sides' }, side('mine', item.mine, 'You deleted this file.'), side('theirs', item.theirs, 'This file was deleted in the newer save.')),
    h('div', { class: 'conflict-choices' }, radio('mine', 'Keep my version', 'conflict-keep-mine'), radio('theirs', 'Take the saved version', 'conflict-take-theirs')),
  );
}
