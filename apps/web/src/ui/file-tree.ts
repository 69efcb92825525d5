import type { FileEntry } from '../workspace/file-entry';
import { isDirty } from '../workspace/file-entry';
import { baseName, treeOrder } from '../workspace/paths';
import { h, replaceChildren } from './dom';

export interface FileTreeActions {
  open(path: string): void;
  create(): void;
  rename(path: string): void;
  remove(path: string): void;
}

/**
 * The file list: folders as headings, files as buttons. One button is in the tab order
 * (roving tabindex); ↑/↓ move, Enter opens, F2 renames, Delete deletes.
 */
export class FileTree {
  readonly element: HTMLElement;
  private readonly list = h('ul', { class: 'tree', 'aria-labelledby': 'files-heading', 'data-testid': 'file-tree' });
  private selected: string | null = null;

  constructor(private readonly actions: FileTreeActions) {
    const selectedPath = () => this.selected;
    this.element = h(
      'nav',
      { class: 'files', 'aria-labelledby': 'files-heading' },
      h('div', { class: 'pane-header' }, h('h2', { id: 'files-heading', class: 'pane-title' }, 'Files')),
      h(
        'div',
        { class: 'file-actions', role: 'toolbar', 'aria-label': 'File actions' },
        h('button', { type: 'button', class: 'btn btn-small', 'data-testid': 'file-new', title: 'New file (Alt+N)', onclick: () => actions.create() }, '+ New'),
        h('button', { type: 'button', class: 'btn btn-small', 'data-testid': 'file-rename', title: 'Rename the selected file (F2)', onclick: () => { const p = selectedPath(); if (p) actions.rename(p); } }, 'Rename'),
        h('button', { type: 'button', class: 'btn btn-small', 'data-testid': 'file-delete', title: 'Delete the selected file (Delete)', onclick: () => { const p = selectedPath(); if (p) actions.remove(p); } }, 'Delete'),
      ),
      this.list,
    );
    this.list.addEventListener('keydown', (e) => this.onKey(e));
  }

  render(files: readonly FileEntry[], active: string | null): void {
    this.selected = active ?? this.selected;
    if (this.selected && !files.some((f) => f.path === this.selected)) this.selected = active;
    const hadFocus = this.list.contains(document.activeElement);
    const items: HTMLElement[] = [];
    let folder = '';
    for (const f of [...files].sort((a, b) => treeOrder(a.path, b.path))) {
      const dir = f.path.includes('/') ? f.path.slice(0, f.path.lastIndexOf('/')) : '';
      if (dir !== folder) {
        folder = dir;
        if (dir) items.push(h('li', { class: 'tree-folder', style: `--depth:${dir.split('/').length - 1}` }, `${dir}/`));
      }
      const depth = dir ? dir.split('/').length : 0;
      const dirty = isDirty(f);
      const isSelected = f.path === this.selected;
      items.push(
        h(
          'li',
          { class: 'tree-row' },
          h(
            'button',
            {
              type: 'button',
              class: `tree-item${f.path === active ? ' is-active' : ''}${isSelected ? ' is-selected' : ''}`,
              style: `--depth:${depth}`,
              tabindex: isSelected || (!this.selected && items.length === 0) ? '0' : '-1',
              'aria-current': f.path === active ? 'true' : false,
              'aria-label': `${f.path}${dirty ? ', unsaved changes' : ''}`,
              'data-testid': 'file-item',
              'data-path': f.path,
              'data-dirty': dirty ? 'true' : 'false',
              onclick: () => {
                this.selected = f.path;
                this.actions.open(f.path);
              },
              onfocus: () => {
                this.selected = f.path;
                this.markSelected();
              },
            },
            h('span', { class: 'tree-name' }, baseName(f.path)),
            dirty ? h('span', { class: 'dirty-dot', 'aria-hidden': 'true', title: 'Unsaved changes' }, '●') : null,
          ),
        ),
      );
    }
    if (!files.length) items.push(h('li', { class: 'tree-empty' }, 'No files yet. Press “+ New”.'));
    replaceChildren(this.list, items);
    if (!this.list.querySelector('[tabindex="0"]')) this.buttons()[0]?.setAttribute('tabindex', '0');
    if (hadFocus) this.focus();
  }

  focus(): void {
    (this.list.querySelector<HTMLElement>('[tabindex="0"]') ?? this.buttons()[0])?.focus();
  }

  private buttons(): HTMLButtonElement[] {
    return [...this.list.querySelectorAll<HTMLButtonElement>('button.tree-item')];
  }

  private markSelected(): void {
    for (const b of this.buttons()) {
      const on = b.dataset.path === this.selected;
      b.classList.toggle('is-selected', on);
      b.tabIndex = on ? 0 : -1;
    }
  }

  private onKey(e: KeyboardEvent): void {
    const buttons = this.buttons();
    const i = buttons.findIndex((b) => b === document.activeElement);
    if (i < 0) return;
    const path = buttons[i].dataset.path as string;
    const move = (to: number) => {
      e.preventDefault();
      buttons[Math.max(0, Math.min(buttons.length - 1, to))].focus();
    };
    if (e.key === 'ArrowDown') move(i + 1);
    else if (e.key === 'ArrowUp') move(i - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(buttons.length - 1);
    else if (e.key === 'F2') {
      e.preventDefault();
      this.actions.rename(path);
    } else if (e.key === 'Delete') {
      e.preventDefault();
      this.actions.remove(path);
    }
  }
}

