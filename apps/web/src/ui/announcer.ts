import { h } from './dom';

export type ToastTone = 'info' | 'ok' | 'error';

/**
 * Short messages ("Saved", "Not saved: …") shown at the bottom of the screen and read out by
 * screen readers (an aria-live region). Errors stay until dismissed; others fade after 5 s.
 */
export class Announcer {
  readonly element = h('div', { class: 'toasts', 'aria-live': 'polite', 'data-testid': 'toasts' });

  show(message: string, tone: ToastTone = 'info'): void {
    const close = h('button', { class: 'toast-close', type: 'button', 'aria-label': 'Dismiss message', onclick: () => toast.remove() }, '×');
    const toast = h('div', { class: `toast toast-${tone}`, role: tone === 'error' ? 'alert' : 'status', 'data-testid': 'toast', 'data-tone': tone }, h('span', {}, message), close);
    this.element.append(toast);
    while (this.element.children.length > 3) this.element.firstElementChild?.remove();
    if (tone !== 'error') setTimeout(() => toast.remove(), 5000);
  }
}
