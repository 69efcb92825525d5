import type { FileEntry } from '../workspace/file-entry';
import { isDirty } from '../workspace/file-entry';
import { baseName } from '../workspace/paths';
import { h, replaceChildren } from './dom';

export interface TabActions {
  activate(path: string): void;
  close(path: string): void;
}

/** Open files as tabs; a dot marks unsaved changes. ←/→ move between tabs. */
export class Tabs {
  readonly element = h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Open files', 'data-testid': 'tabs' });

  constructor(private readonly actions: TabActions) {
    this.element.addEventListener('keydown', (e) => {
      const tabs = [...this.element.querySelectorAll<HTMLElement>('[role="tab"]')];
      const i = tabs.indexOf(document.activeElement as HTMLElement);
      if (i < 0) return;
      if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
        e.preventDefault();
        const next = tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
        next.focus();
        this.actions.activate(next.dataset.path as string);
      } else if (e.key === 'Delete') {
        e.preventDefault();
        this.actions.close(tabs[i].dataset.path as string);
      }
    });
  }

  render(open: readonly FileEntry[], active: FileEntry | null): void {
    const focusedPath = (document.activeElement as HTMLElement | null)?.closest?.('[role="tab"]') ? active?.path : null;
    replaceChildren(
      this.element,
      open.map((f) => {
        const dirty = isDirty(f);
        const selected = f === active;
        return h(
          'div',
          { class: `tab${selected ? ' is-active' : ''}`, 'data-testid': 'tab', 'data-path': f.path, 'data-dirty': dirty ? 'true' : 'false' },
          h(
            'button',
            {
              type: 'button',
              role: 'tab',
              id: tabId(f.path),
              class: 'tab-label',
              'aria-selected': selected ? 'true' : 'false',
              'aria-controls': 'editor-panel',
              tabindex: selected ? '0' : '-1',
              title: f.path,
              'data-path': f.path,
              'aria-label': `${baseName(f.path)}${dirty ? ', unsaved changes' : ''}`,
              onclick: () => this.actions.activate(f.path),
            },
            baseName(f.path),
            dirty ? h('span', { class: 'dirty-dot', 'aria-hidden': 'true', 'data-testid': 'tab-dirty' }, '●') : null,
          ),
          h('button', { type: 'button', class: 'tab-close', tabindex: '-1', 'aria-label': `Close ${baseName(f.path)}`, title: 'Close (Alt+W)', 'data-testid': 'tab-close', onclick: () => this.actions.close(f.path) }, '×'),
        );
      }),
    );
    if (focusedPath) this.element.querySelector<HTMLElement>(`[role="tab"][aria-selected="true"]`)?.focus();
  }
}

export function tabId(path: string): string {
  return `tab-${path.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
