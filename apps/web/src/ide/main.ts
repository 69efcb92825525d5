import '../styles/base.css';
import '../styles/ide.css';
import { api } from '../api/client';
import { ApiError } from '../api/http';
import { retryTransient } from '../api/retry';
import { h } from '../ui/dom';
import { Workspace } from '../workspace/workspace';
import { Ide } from './ide';
import { installSessionGuard } from './session-guard';

/** Entry of the IDE page (index.html): who is signed in, their files, then the IDE. */
async function boot(root: HTMLElement): Promise<void> {
  try {
    const me = await api.me();
    // Right after sign-up the repository is still being copied from the course template.
    const tree = await retryTransient(() => api.tree(), {
      deadlineMs: 90_000,
      onWait: (error) => {
        const text = error.code === 'REPO.NOT_READY' ? 'Setting up your project from the course template…' : 'Waiting for imad to answer…';
        root.replaceChildren(h('p', { class: 'loading', role: 'status', 'data-testid': 'workspace-preparing' }, text));
      },
    });
    const ide = new Ide(me, new Workspace(tree.head, tree.entries), root);
    installSessionGuard(ide);
    await ide.start();
  } catch (e) {
    if (e instanceof ApiError && e.signedOut) {
      location.replace(`/signin.html?next=${encodeURIComponent(location.pathname)}`);
      return;
    }
    showBootError(root, e as Error);
  }
}

function showBootError(root: HTMLElement, error: Error): void {
  const retry = h('button', { type: 'button', class: 'btn btn-primary', onclick: () => location.reload() }, 'Try again');
  root.replaceChildren(
    h(
      'main',
      { class: 'boot-error', role: 'alert', 'data-testid': 'boot-error' },
      h('h1', {}, 'Your workspace could not be opened'),
      h('p', {}, error.message),
      h('p', { class: 'muted' }, 'Unsaved edits from earlier are still kept in this browser.'),
      retry,
    ),
  );
  retry.focus();
}

const root = document.getElementById('app');
if (root) void boot(root);
