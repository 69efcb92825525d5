import * as ace from 'ace-builds';
import 'ace-builds/src-noconflict/mode-javascript';
import 'ace-builds/src-noconflict/mode-json';
import 'ace-builds/src-noconflict/mode-html';
import 'ace-builds/src-noconflict/mode-css';
import 'ace-builds/src-noconflict/mode-markdown';
import 'ace-builds/src-noconflict/mode-text';
import 'ace-builds/src-noconflict/theme-tomorrow';
import 'ace-builds/src-noconflict/ext-searchbox';
import cssWorker from 'ace-builds/src-min-noconflict/worker-css.js?url';
import htmlWorker from 'ace-builds/src-min-noconflict/worker-html.js?url';
import jsWorker from 'ace-builds/src-min-noconflict/worker-javascript.js?url';
import jsonWorker from 'ace-builds/src-min-noconflict/worker-json.js?url';
import type { FileEntry } from '../workspace/file-entry';
import { modeForPath } from '../workspace/paths';
import { h } from './dom';

// Syntax-check workers load from our own origin (hashed files), not from a blob: URL, so
// a strict Content-Security-Policy (`worker-src 'self'`) works.
ace.config.set('loadWorkerFromBlob', false);
ace.config.setModuleUrl('ace/mode/javascript_worker', jsWorker);
ace.config.setModuleUrl('ace/mode/json_worker', jsonWorker);
ace.config.setModuleUrl('ace/mode/css_worker', cssWorker);
ace.config.setModuleUrl('ace/mode/html_worker', htmlWorker);

type Session = ace.Ace.EditSession;

/**
 * Ace with one session per open file, so each tab keeps its own undo history, cursor and
 * scroll position. The workspace is the source of truth for content; this only shows it.
 */
export class CodeEditor {
  readonly element: HTMLElement;
  private readonly host = h('div', { class: 'ace-host', 'data-testid': 'editor' });
  private readonly message = h('div', { class: 'editor-message', 'data-testid': 'editor-message' });
  private readonly editor: ace.Ace.Editor;
  private readonly sessions = new Map<FileEntry, Session>();
  private current: FileEntry | null = null;
  private silent = false;
  private changeListener: (entry: FileEntry, value: string) => void = () => undefined;

  constructor() {
    this.element = h('div', { id: 'editor-panel', class: 'editor-panel', role: 'tabpanel' }, this.host, this.message);
    this.editor = ace.edit(this.host, {
      theme: 'ace/theme/tomorrow',
      fontSize: 14,
      showPrintMargin: false,
      tabSize: 2,
      useSoftTabs: true,
      wrap: false,
      enableKeyboardAccessibility: true,
      scrollPastEnd: 0.3,
    });
    this.editor.on('change', () => {
      if (this.silent || !this.current) return;
      this.changeListener(this.current, this.editor.getValue());
    });
    this.showMessage('Open a file from the list on the left.');
  }

  onChange(listener: (entry: FileEntry, value: string) => void): void {
    this.changeListener = listener;
  }

  /** Show `entry`; `content` is used the first time the file is opened in this page. */
  show(entry: FileEntry, content: string): void {
    let session = this.sessions.get(entry);
    if (!session) {
      session = ace.createEditSession(content, `ace/mode/${modeForPath(entry.path)}` as unknown as ace.Ace.SyntaxMode);
      session.setUndoManager(new ace.UndoManager());
      this.sessions.set(entry, session);
    }
    this.current = entry;
    this.silent = true;
    this.editor.setSession(session);
    this.silent = false;
    this.editor.setReadOnly(false);
    this.host.hidden = false;
    this.message.hidden = true;
    this.label(entry.path);
    this.editor.resize();
  }

  /** The path changed (rename): switch the highlighting to the new extension. */
  renamed(entry: FileEntry): void {
    this.sessions.get(entry)?.setMode(`ace/mode/${modeForPath(entry.path)}`);
    if (entry === this.current) this.label(entry.path);
  }

  /** Replace a file's text from outside (conflict settled, reloaded): undo-able, not an edit. */
  replace(entry: FileEntry, content: string): void {
    const session = this.sessions.get(entry);
    if (!session || session.getValue() === content) return;
    this.silent = entry === this.current;
    session.setValue(content);
    this.silent = false;
  }

  value(entry: FileEntry): string | undefined {
    return this.sessions.get(entry)?.getValue();
  }

  close(entry: FileEntry): void {
    this.sessions.get(entry)?.destroy();
    this.sessions.delete(entry);
    if (this.current === entry) {
      this.current = null;
      this.showMessage('Open a file from the list on the left.');
    }
  }

  showMessage(text: string): void {
    this.current = null;
    this.message.textContent = text;
    this.message.hidden = false;
    this.host.hidden = true;
  }

  focus(): void {
    if (this.current) this.editor.focus();
  }

  resize(): void {
    this.editor.resize();
  }

  private label(path: string): void {
    this.element.setAttribute('aria-label', `Editing ${path}`);
    this.editor.textInput.getElement().setAttribute('aria-label', `Code of ${path}`);
  }
}
