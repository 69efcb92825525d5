import { api } from '../api/client';
import { ApiError } from '../api/http';
import type { Me } from '../api/types';
import { Announcer } from '../ui/announcer';
import { CodeEditor } from '../ui/code-editor';
import { choiceDialog, confirmDialog, promptDialog } from '../ui/dialogs';
import { h, isMac } from '../ui/dom';
import { FileTree } from '../ui/file-tree';
import { helpDialog } from '../ui/help-dialog';
import { conflictDialog } from '../ui/conflict-dialog';
import { Tabs } from '../ui/tabs';
import { DraftStore } from '../workspace/draft-store';
import { FileEntry, isDirty } from '../workspace/file-entry';
import { baseName, pathProblem } from '../workspace/paths';
import { Workspace } from '../workspace/workspace';
import { DeployController } from './deploying';
import { restoreDrafts, settleDraft } from './restore';
import { Saver } from './saving';
import { findShortcut, ShortcutId } from './shortcuts';
import { firstFile, TabMemory } from './tab-state';

/**
 * The IDE page: lays out the parts and connects them to the workspace. Saving lives in
 * `Saver`, deploying and live status in `DeployController`; this class owns files and tabs.
 */
export class Ide {
  readonly announcer = new Announcer();
  readonly editor = new CodeEditor();
  readonly tree: FileTree;
  readonly tabs: Tabs;
  readonly saver: Saver;
  readonly deploys: DeployController;
  readonly drafts: DraftStore;
  readonly saveButton = h('button', { type: 'button', class: 'btn btn-primary', 'data-testid': 'save-button', title: 'Save all changed files (Ctrl+S)' }, 'Save');
  readonly deployButton = h('button', { type: 'button', class: 'btn btn-deploy', 'data-testid': 'deploy-button', title: 'Deploy your last save (Ctrl+Shift+Enter)' }, 'Deploy');
  private open: FileEntry[] = [];
  private active: FileEntry | null = null;
  private readonly tabMemory: TabMemory;
  private renderQueued = false;
  private draftTimer: ReturnType<typeof setTimeout> | undefined;
  private storageWarned = false;
  private readonly mac = isMac();

  constructor(readonly me: Me, readonly ws: Workspace, private readonly root: HTMLElement) {
    this.drafts = new DraftStore(localStorage, me.userId);
    this.tabMemory = new TabMemory(localStorage, me.userId);
    this.tree = new FileTree({
      open: (path) => void this.openFile(path, true),
      create: () => void this.createFile(),
      rename: (path) => void this.renameFile(path),
      remove: (path) => void this.deleteFile(path),
    });
    this.tabs = new Tabs({ activate: (path) => void this.openFile(path, false), close: (path) => void this.closeTab(path) });
    this.saver = new Saver(this);
    this.deploys = new DeployController(this);
    this.editor.onChange((entry, value) => this.ws.edit(entry, value));
    this.saveButton.addEventListener('click', () => void this.saver.save());
    this.deployButton.addEventListener('click', () => void this.deploys.deploy());
  }

  /** Build the page, put back unsaved drafts, open the tabs of last time, go live. */
  async start(): Promise<void> {
    this.layout();
    await this.restoreDrafts();
    this.ws.onChange(() => this.changed());
    window.addEventListener('keydown', (e) => this.onKey(e), true);
    window.addEventListener('resize', () => this.editor.resize());
    const memory = this.tabMemory.load();
    const paths = this.ws.files().map((f) => f.path);
    const wanted = [...new Set([...(memory?.open ?? []), ...this.ws.dirty().filter((f) => !f.deleted).map((f) => f.path)])].filter((p) => paths.includes(p));
    if (!wanted.length) {
      const first = firstFile(paths);
      if (first) wanted.push(first);
    }
    for (const p of wanted) {
      const entry = this.ws.find(p);
      if (entry) this.open.push(entry);
    }
    const active = memory?.active && wanted.includes(memory.active) ? memory.active : wanted[0];
    this.render();
    if (active) await this.openFile(active, false);
    this.syncDrafts();
    await this.deploys.start();
    void this.saver.refreshHistory();
  }

  private async restoreDrafts(): Promise<void> {
    const kept = this.drafts.list();
    if (!kept.length) return;
    const load = async (path: string) => {
      const body = await api.file(path).catch(() => undefined);
      return body && !body.binary ? body.content : undefined;
    };
    const { restored, pending } = await restoreDrafts(this.ws, kept, load);
    let count = restored.length;
    if (pending.length) {
      const choices = await conflictDialog(
        pending.map((p) => p.item),
        {
          title: 'Unsaved edits from last time',
          intro: 'These files were changed and saved somewhere else after you edited them here. For each file, keep your unsaved version or take the saved one.',
          confirm: 'Continue',
        },
      );
      for (const p of pending) if (settleDraft(this.ws, p, choices?.get(p.item.path) ?? 'mine')) count++;
    }
    if (count) this.announcer.show(`Restored unsaved edits to ${count} ${count === 1 ? 'file' : 'files'} from this browser.`, 'ok');
  }

  private layout(): void {
    const help = h('button', { type: 'button', class: 'btn btn-quiet', 'data-testid': 'help-button', 'aria-label': 'Keyboard shortcuts', title: 'Keyboard shortcuts (Alt+H)', onclick: () => void helpDialog(this.mac) }, '?');
    const signOut = h('button', { type: 'button', class: 'btn btn-quiet', 'data-testid': 'signout-button', onclick: () => void this.signOut() }, 'Sign out');
    const appLink = h('a', { class: 'app-link', href: this.me.appUrl, target: '_blank', rel: 'noopener', 'data-testid': 'app-link' }, `${this.me.appName} ↗`);
    const header = h(
      'header',
      { class: 'topbar' },
      h('a', { class: 'skip-link', href: '#editor-panel', onclick: (e: Event) => { e.preventDefault(); this.editor.focus(); } }, 'Skip to the editor'),
      h('div', { class: 'brand' }, h('span', { class: 'logo', 'aria-hidden': 'true' }, '◆'), ' imad'),
      h('div', { class: 'app-info' }, h('span', { class: 'muted' }, 'Your app: '), appLink),
      h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Save and deploy' }, this.saveButton, this.deployButton),
      h('div', { class: 'account' }, help, h('span', { class: 'login', 'data-testid': 'user-login' }, this.me.login), signOut),
    );
    const center = h('div', { class: 'center' }, this.tabs.element, this.editor.element, this.deploys.logs.element);
    const side = h('aside', { class: 'side', 'aria-label': 'Deploys and saves' }, this.deploys.panel.element, this.saver.history.element);
    const main = h('main', { class: 'workbench' }, this.tree.element, center, side);
    this.root.replaceChildren(header, this.deploys.statusLine.element, main, this.announcer.element);
  }

  /** Workspace changed: re-render once per frame and keep drafts in the browser. */
  private changed(): void {
    if (!this.renderQueued) {
      this.renderQueued = true;
      requestAnimationFrame(() => {
        this.renderQueued = false;
        this.render();
      });
    }
    clearTimeout(this.draftTimer);
    this.draftTimer = setTimeout(() => this.syncDrafts(), 300);
  }

  /** Write unsaved edits to localStorage now (also called before the page goes away). */
  syncDrafts(): void {
    clearTimeout(this.draftTimer);
    if (this.drafts.sync(this.ws.head, this.ws.dirty()) || this.storageWarned) return;
    this.storageWarned = true;
    this.announcer.show('This browser refused to keep a copy of your unsaved edits (storage full). Save soon.', 'error');
  }

  render(): void {
    this.open = this.open.filter((e) => this.ws.find(e.path) === e);
    if (this.active && !this.open.includes(this.active)) this.active = null;
    this.tree.render(this.ws.files(), this.active?.path ?? null);
    this.tabs.render(this.open, this.active);
    const count = this.ws.dirty().length;
    this.saveButton.dataset.dirtyCount = String(count);
    this.saveButton.textContent = this.saver.busy ? 'Saving…' : count ? `Save (${count})` : 'Saved';
    this.saveButton.classList.toggle('is-clean', count === 0);
    this.saveButton.setAttribute('aria-label', count ? `Save ${count} changed ${count === 1 ? 'file' : 'files'}` : 'All files saved');
    document.title = `${count ? '● ' : ''}${this.active ? baseName(this.active.path) + ' — ' : ''}imad`;
    this.tabMemory.save({ open: this.open.map((e) => e.path), active: this.active?.path ?? null });
  }

  async openFile(path: string, focus: boolean): Promise<void> {
    const entry = this.ws.find(path);
    if (!entry) return;
    if (!this.open.includes(entry)) this.open.push(entry);
    this.active = entry;
    this.render();
    if (entry.binary) {
      this.editor.showMessage(`${path} is not a text file, so it cannot be edited here.`);
      return;
    }
    if (entry.content === null && entry.origin !== null) {
      this.editor.showMessage(`Opening ${path}…`);
      try {
        const body = await api.file(entry.origin);
        if (body.binary) {
          entry.binary = true;
          if (this.active === entry) this.editor.showMessage(`${path} is not a text file, so it cannot be edited here.`);
          return;
        }
        this.ws.loaded(entry, body.content);
      } catch (e) {
        if (this.active === entry) this.editor.showMessage(`Could not open ${path}: ${(e as Error).message}`);
        return;
      }
    }
    if (this.active !== entry) return;
    this.editor.show(entry, entry.content ?? '');
    if (focus) this.editor.focus();
  }

  /** Make open editors match the workspace after a conflict was settled. */
  async refreshOpenFiles(): Promise<void> {
    for (const entry of [...this.open]) {
      if (entry.content !== null) this.editor.replace(entry, entry.content);
      else this.editor.close(entry);
    }
    this.render();
    if (this.active) await this.openFile(this.active.path, false);
  }

  private async createFile(): Promise<void> {
    const path = await promptDialog({
      title: 'New file',
      label: 'File name (use / for folders, e.g. public/style.css)',
      confirm: 'Create',
      testid: 'new-file-dialog',
      validate: (v) => pathProblem(v, this.ws.paths()),
    });
    if (!path) return;
    this.ws.create(path, '');
    await this.openFile(path, true);
    this.announcer.show(`Created ${path}. It is saved with your next save.`);
  }

  private async renameFile(path: string): Promise<void> {
    const entry = this.ws.find(path);
    if (!entry) return;
    const others = this.ws.paths();
    others.delete(path);
    const to = await promptDialog({
      title: `Rename ${baseName(path)}`,
      label: 'New name',
      value: path,
      confirm: 'Rename',
      testid: 'rename-dialog',
      validate: (v) => pathProblem(v, others),
    });
    if (!to || to === path) return;
    this.ws.rename(entry, to);
    this.editor.renamed(entry);
    this.announcer.show(`Renamed to ${to}. Save to keep it.`);
  }

  private async deleteFile(path: string): Promise<void> {
    const entry = this.ws.find(path);
    if (!entry) return;
    const ok = await confirmDialog({
      title: `Delete ${baseName(path)}?`,
      message: entry.origin === null ? `${path} was never saved; it will be gone.` : `${path} is removed from your project when you save. Earlier saves keep it in your history.`,
      confirm: 'Delete',
      danger: true,
      testid: 'delete-dialog',
    });
    if (!ok) return;
    this.ws.remove(entry);
    this.dropTab(entry);
  }

  async closeTab(path: string): Promise<void> {
    const entry = this.open.find((e) => e.path === path);
    if (!entry) return;
    if (isDirty(entry)) {
      const choice = await choiceDialog({
        title: `Save changes to ${baseName(path)}?`,
        message: entry.origin === null ? `${path} is new and has never been saved.` : `${path} has changes that are not saved yet.`,
        testid: 'close-tab-dialog',
        choices: [
          { key: 'cancel', label: 'Cancel' },
          { key: 'discard', label: 'Discard changes', kind: 'danger' },
          { key: 'save', label: 'Save', kind: 'primary' },
        ],
      });
      if (choice === 'cancel') return;
      if (choice === 'save' && !(await this.saver.save())) return;
      if (choice === 'discard') {
        this.ws.discard(entry);
        if (entry.content !== null) this.editor.replace(entry, entry.content);
      }
    }
    this.dropTab(entry);
  }

  private dropTab(entry: FileEntry): void {
    const i = this.open.indexOf(entry);
    if (i >= 0) this.open.splice(i, 1);
    this.editor.close(entry);
    if (this.active === entry) {
      this.active = null;
      const next = this.open[Math.min(i, this.open.length - 1)];
      if (next) void this.openFile(next.path, false);
    }
    this.render();
  }

  private cycleTab(step: number): void {
    if (!this.open.length) return;
    const i = this.active ? this.open.indexOf(this.active) : -1;
    void this.openFile(this.open[(i + step + this.open.length) % this.open.length].path, true);
  }

  private onKey(e: KeyboardEvent): void {
    if (document.querySelector('dialog[open]')) return;
    const id = findShortcut(e, this.mac);
    if (!id) return;
    e.preventDefault();
    e.stopPropagation();
    this.run(id);
  }

  private run(id: ShortcutId): void {
    switch (id) {
      case 'save': return void this.saver.save();
      case 'deploy': return void this.deploys.deploy();
      case 'newFile': return void this.createFile();
      case 'closeTab': return void (this.active && this.closeTab(this.active.path));
      case 'nextTab': return this.cycleTab(1);
      case 'prevTab': return this.cycleTab(-1);
      case 'focusFiles': return this.tree.focus();
      case 'focusEditor': return this.editor.focus();
      case 'focusLogs': return this.deploys.logs.focus();
      case 'help': return void helpDialog(this.mac);
    }
  }

  private async signOut(): Promise<void> {
    if (this.ws.isDirty()) {
      const ok = await confirmDialog({
        title: 'Sign out with unsaved changes?',
        message: 'Your unsaved edits stay in this browser and come back when you sign in here again. Save first if you want them in your project.',
        confirm: 'Sign out',
        testid: 'signout-dialog',
      });
      if (!ok) return;
    }
    this.syncDrafts();
    try {
      await api.signOut();
    } catch (e) {
      if (!(e instanceof ApiError && e.signedOut)) {
        this.announcer.show(`Could not sign out: ${(e as Error).message}`, 'error');
        return;
      }
    }
    leavePage('/signin.html?signedout=1');
  }
}

let leaving = false;

/** Navigate away without the "unsaved changes" prompt: the drafts are already kept. */
export function leavePage(url: string): void {
  leaving = true;
  window.location.href = url;
}

export function isLeaving(): boolean {
  return leaving;
}
