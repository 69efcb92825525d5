import { h } from './dom';

/**
 * Modal dialogs on the native <dialog> element: focus moves into it, stays there, Esc
 * cancels, and focus returns to where it was when it closes.
 */
export function openDialog(
  build: (close: (result: string) => void) => { title: string; body: Node[]; testid: string; wide?: boolean; initialFocus?: HTMLElement },
): Promise<string> {
  return new Promise((resolve) => {
    const previous = document.activeElement as HTMLElement | null;
    const titleId = `dialog-title-${Math.random().toString(36).slice(2)}`;
    const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': titleId });
    const close = (result: string) => {
      if (!dialog.open) return;
      dialog.close(result);
    };
    const spec = build(close);
    dialog.setAttribute('data-testid', spec.testid);
    if (spec.wide) dialog.classList.add('dialog-wide');
    dialog.append(h('h2', { id: titleId, class: 'dialog-title' }, spec.title), ...spec.body);
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      close('cancel');
    });
    dialog.addEventListener('close', () => {
      dialog.remove();
      previous?.focus?.();
      resolve(dialog.returnValue || 'cancel');
    });
    document.body.append(dialog);
    dialog.showModal();
    spec.initialFocus?.focus();
  });
}

export function button(label: string, attrs: Record<string, unknown> = {}, kind: 'primary' | 'secondary' | 'danger' = 'secondary'): HTMLButtonElement {
  return h('button', { type: 'button', class: `btn btn-${kind}`, ...attrs }, label);
}

export async function confirmDialog(opts: { title: string; message: string; confirm: string; cancel?: string; danger?: boolean; testid?: string }): Promise<boolean> {
  const result = await openDialog((close) => {
    const ok = button(opts.confirm, { 'data-testid': 'dialog-confirm', onclick: () => close('ok') }, opts.danger ? 'danger' : 'primary');
    const cancel = button(opts.cancel ?? 'Cancel', { 'data-testid': 'dialog-cancel', onclick: () => close('cancel') });
    return { title: opts.title, testid: opts.testid ?? 'confirm-dialog', body: [h('p', {}, opts.message), h('div', { class: 'dialog-actions' }, cancel, ok)], initialFocus: opts.danger ? cancel : ok };
  });
  return result === 'ok';
}

/** Three-way choice, e.g. Save / Discard / Cancel. Returns the chosen key or 'cancel'. */
export function choiceDialog(opts: { title: string; message: string; choices: { key: string; label: string; kind?: 'primary' | 'secondary' | 'danger' }[]; testid: string }): Promise<string> {
  return openDialog((close) => {
    const buttons = opts.choices.map((c) => button(c.label, { 'data-testid': `dialog-${c.key}`, onclick: () => close(c.key) }, c.kind));
    return { title: opts.title, testid: opts.testid, body: [h('p', {}, opts.message), h('div', { class: 'dialog-actions' }, ...buttons)], initialFocus: buttons.find((_, i) => opts.choices[i].kind === 'primary') };
  });
}

/** Ask for a file name; `validate` returns a sentence explaining what is wrong, or null. */
export async function promptDialog(opts: { title: string; label: string; value?: string; confirm: string; validate: (value: string) => string | null; testid: string }): Promise<string | null> {
  let input!: HTMLInputElement;
  const result = await openDialog((close) => {
    const error = h('p', { class: 'field-error', id: 'prompt-error', role: 'alert', 'data-testid': 'prompt-error' });
    input = h('input', { type: 'text', id: 'prompt-input', class: 'input', value: opts.value ?? '', spellcheck: 'false', autocomplete: 'off', 'aria-describedby': 'prompt-error', 'data-testid': 'prompt-input' });
    const submit = (e: Event) => {
      e.preventDefault();
      const problem = opts.validate(input.value);
      error.textContent = problem ?? '';
      input.setAttribute('aria-invalid', problem ? 'true' : 'false');
      if (!problem) close('ok');
      else input.focus();
    };
    const form = h(
      'form',
      { onsubmit: submit },
      h('label', { for: 'prompt-input', class: 'label' }, opts.label),
      input,
      error,
      h('div', { class: 'dialog-actions' }, button('Cancel', { onclick: () => close('cancel') }), h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'prompt-submit' }, opts.confirm)),
    );
    // Renaming usually changes the name, not the folder or the extension: select just that.
    setTimeout(() => {
      const v = input.value;
      const start = v.lastIndexOf('/') + 1;
      const dot = v.lastIndexOf('.');
      input.setSelectionRange(start, dot > start ? dot : v.length);
    });
    return { title: opts.title, testid: opts.testid, body: [form], initialFocus: input };
  });
  return result === 'ok' ? input.value.trim() : null;
}
