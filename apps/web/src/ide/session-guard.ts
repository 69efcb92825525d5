import { onSignedOut } from '../api/http';
import { button, openDialog } from '../ui/dialogs';
import { h } from '../ui/dom';
import { Ide, isLeaving, leavePage } from './ide';

/**
 * Nothing typed is lost when the session ends or the page goes away:
 * - a 401 from any call shows "signed out — sign in again, your edits are kept" (the
 *   drafts are in localStorage and come back after signing in);
 * - closing or reloading the page with unsaved changes asks first (beforeunload), and
 *   drafts are written out whenever the page is hidden.
 */
export function installSessionGuard(ide: Ide): void {
  let showing = false;
  onSignedOut(async () => {
    ide.syncDrafts();
    if (showing) return;
    showing = true;
    const choice = await openDialog((close) => {
      const signIn = button('Sign in again', { 'data-testid': 'signed-out-signin', onclick: () => close('signin') }, 'primary');
      return {
        title: 'You are signed out',
        testid: 'signed-out-dialog',
        body: [
          h('p', {}, 'Your session ended, so saving and deploying are paused.'),
          h('p', {}, h('strong', {}, 'Your edits are kept'), ' in this browser and come back after you sign in again.'),
          h('div', { class: 'dialog-actions' }, button('Keep editing', { 'data-testid': 'signed-out-stay', onclick: () => close('stay') }), signIn),
        ],
        initialFocus: signIn,
      };
    });
    showing = false;
    if (choice === 'signin') {
      ide.syncDrafts();
      leavePage(`/signin.html?expired=1&next=${encodeURIComponent(location.pathname)}`);
    } else {
      ide.announcer.show('Signed out: saving and deploying need you to sign in again. Your edits are kept in this browser.', 'error');
    }
  });

  window.addEventListener('beforeunload', (e) => {
    ide.syncDrafts();
    if (isLeaving() || !ide.ws.isDirty()) return;
    e.preventDefault();
    e.returnValue = '';
  });
  window.addEventListener('pagehide', () => ide.syncDrafts());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') ide.syncDrafts();
  });
}
