import { api } from '../api/client';
import { ApiError } from '../api/http';
import { SaveHistory } from '../ui/save-history';
import { conflictDialog } from '../ui/conflict-dialog';
import { commitMessage } from '../workspace/commit-message';
import { ConflictDetails, conflictItems, TheirFile } from '../workspace/conflict';
import type { FileEntry } from '../workspace/file-entry';
import type { Settlement } from '../workspace/workspace';
import type { Ide } from './ide';

/**
 * Save = one commit with every changed file, on top of the commit the editor last saw.
 * If someone saved in between (another tab, another computer) and touched the same files,
 * the gateway answers 409 REPO.CONFLICT with both sides; the student picks per file and we
 * save again on the newer commit. Edits typed while a save is in flight stay unsaved.
 */
export class Saver {
  readonly history = new SaveHistory();
  busy = false;
  private again = false;

  constructor(private readonly ide: Ide) {}

  /** Resolves true when everything that was unsaved is now saved. */
  async save(): Promise<boolean> {
    const { ws, announcer } = this.ide;
    if (this.busy) {
      this.again = true;
      return false;
    }
    if (!ws.isDirty()) {
      announcer.show('Everything is already saved.');
      return true;
    }
    this.setBusy(true);
    try {
      for (let attempt = 0; attempt < 3; attempt++) {
        if (!ws.isDirty()) {
          announcer.show('Everything is saved: you took the saved version of every file.', 'ok');
          void this.refreshHistory();
          return true;
        }
        const snapshot = ws.snapshot();
        const changes = ws.changes();
        const base = ws.head;
        try {
          const result = await api.commit({ baseCommit: base, message: commitMessage(changes), changes });
          ws.saved(result.commit, snapshot);
          // Saved on top of someone else's newer save (other files): show their files too.
          if (result.parent !== base) await this.followHead(new Set(snapshot.keys()));
          this.ide.syncDrafts();
          announcer.show(result.unchanged ? 'Nothing to save: your files are the same as the last save.' : `Saved (${result.commit.slice(0, 7)}).`, 'ok');
          void this.refreshHistory();
          return !ws.isDirty();
        } catch (e) {
          if (!(e instanceof ApiError) || e.code !== 'REPO.CONFLICT') throw e;
          if (!(await this.settle(e))) return false;
        }
      }
      announcer.show('Your project keeps changing elsewhere; not saved. Try again.', 'error');
      return false;
    } catch (e) {
      const err = e as ApiError;
      if (err.signedOut) return false; // the signed-out prompt explains; edits are kept
      announcer.show(`Not saved: ${err.message}${err.field ? ` (${err.field})` : ''} Your edits are kept in this browser.`, 'error');
      return false;
    } finally {
      this.setBusy(false);
      if (this.again) {
        this.again = false;
        if (ws.isDirty()) void this.save();
      }
    }
  }

  /** Show the conflict, apply the choices; false if the student put it off. */
  private async settle(e: ApiError): Promise<boolean> {
    const { ws, announcer } = this.ide;
    const details = e.details as Partial<ConflictDetails> | undefined;
    const [tree, files] = await Promise.all([api.tree(), this.theirFiles(details)]);
    const head = details?.head ?? tree.head;
    const items = conflictItems(files, (p) => ws.findByOrigin(p));
    const choices = items.length
      ? await conflictDialog(items, {
          title: 'Someone saved these files meanwhile',
          intro: 'Your project was saved from somewhere else (another tab or computer) since you opened it, and these files changed there too. Choose which version to keep for each file; then we save again.',
          confirm: 'Save with these choices',
        })
      : new Map();
    if (!choices) {
      announcer.show('Not saved yet. Your edits are kept; save again when you are ready.');
      return false;
    }
    const settlements: Settlement[] = files.map((f) => ({ path: f.path, choice: choices.get(f.path) ?? 'mine', theirs: f.theirs }));
    ws.settle(head, tree.entries, settlements);
    await this.ide.refreshOpenFiles();
    return true;
  }

  /** The conflict names blob ids; fetch each file as it is in the newer commit. */
  private async theirFiles(details: Partial<ConflictDetails> | undefined): Promise<TheirFile[]> {
    return Promise.all(
      (details?.files ?? []).map(async (f) => {
        if (f.theirs === undefined) return { path: f.path, theirs: undefined };
        const body = await api.file(f.path, details?.head);
        return { path: f.path, theirs: body.binary ? '(a binary file: it cannot be shown here)' : body.content };
      }),
    );
  }

  /** Move onto the repository's head, keeping what was just saved as loaded. */
  private async followHead(keep: Set<FileEntry>): Promise<void> {
    try {
      const tree = await api.tree();
      if (tree.head !== this.ide.ws.head) return; // moved again meanwhile: the next save will tell
      this.ide.ws.moveTo(tree.head, tree.entries, keep);
      await this.ide.refreshOpenFiles();
    } catch {
      /* the workspace still works; untouched files refresh on the next conflict or reload */
    }
  }

  async refreshHistory(): Promise<void> {
    try {
      this.history.render(await api.history(30), this.ide.ws.head);
    } catch {
      /* the list stays as it was; the next save refreshes it */
    }
  }

  private setBusy(busy: boolean): void {
    this.busy = busy;
    this.ide.saveButton.setAttribute('aria-busy', String(busy));
    this.ide.render();
  }
}
