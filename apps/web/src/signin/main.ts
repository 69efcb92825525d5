import '../styles/base.css';
import '../styles/signin.css';
import { auth } from '../api/auth';
import { ApiError } from '../api/http';
import { h } from '../ui/dom';
import { safeNext } from './next-url';

type Mode = 'signin' | 'signup';

/**
 * The sign-in page: local accounts (sign in / create account) and, when the server offers
 * it, "Sign in with GitHub". Errors say what to do; the field at fault is marked.
 */
async function main(root: HTMLElement): Promise<void> {
  const params = new URLSearchParams(location.search);
  const next = safeNext(params.get('next'));
  if (await auth.session().catch(() => false)) {
    location.replace(next);
    return;
  }
  let mode: Mode = params.get('mode') === 'signup' ? 'signup' : 'signin';

  const error = h('div', { class: 'form-error', role: 'alert', 'data-testid': 'signin-error', hidden: true });
  const username = h('input', { id: 'username', name: 'username', class: 'input', type: 'text', autocomplete: 'username', autocapitalize: 'none', spellcheck: 'false', required: true, 'data-testid': 'username' });
  const password = h('input', { id: 'password', name: 'password', class: 'input', type: 'password', required: true, 'data-testid': 'password' });
  const showPassword = h('input', { id: 'show-password', type: 'checkbox', onchange: () => (password.type = showPassword.checked ? 'text' : 'password') });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-block', 'data-testid': 'signin-submit' });
  const heading = h('h1', { class: 'signin-title', id: 'signin-heading' });
  const hint = h('p', { class: 'muted small', id: 'password-hint' });
  const tabSignin = h('button', { type: 'button', role: 'tab', class: 'mode-tab', 'data-testid': 'mode-signin', onclick: () => setMode('signin') }, 'Sign in');
  const tabSignup = h('button', { type: 'button', role: 'tab', class: 'mode-tab', 'data-testid': 'mode-signup', onclick: () => setMode('signup') }, 'Create account');
  const github = h('a', { class: 'btn btn-github btn-block', href: `/auth/github?next=${encodeURIComponent(next)}`, 'data-testid': 'github-signin', hidden: true }, 'Sign in with GitHub');
  const or = h('p', { class: 'or', hidden: true }, h('span', {}, 'or'));
  password.setAttribute('aria-describedby', 'password-hint');

  function setMode(m: Mode): void {
    mode = m;
    heading.textContent = m === 'signin' ? 'Sign in to imad' : 'Create your imad account';
    submit.textContent = m === 'signin' ? 'Sign in' : 'Create account';
    password.autocomplete = m === 'signin' ? 'current-password' : 'new-password';
    hint.textContent = m === 'signup' ? 'Pick a username (it becomes part of your app’s address) and a password you do not use elsewhere.' : '';
    tabSignin.setAttribute('aria-selected', String(m === 'signin'));
    tabSignup.setAttribute('aria-selected', String(m === 'signup'));
    showError(null);
  }

  function showError(message: string | null, field?: string): void {
    error.hidden = !message;
    error.textContent = message ?? '';
    for (const input of [username, password]) input.setAttribute('aria-invalid', String(!!message && field === input.name));
    if (message) (field === 'password' ? password : username).focus();
  }

  async function onSubmit(e: Event): Promise<void> {
    e.preventDefault();
    if (!username.value.trim()) return showError('Type your username.', 'username');
    if (!password.value) return showError('Type your password.', 'password');
    submit.disabled = true;
    submit.setAttribute('aria-busy', 'true');
    try {
      if (mode === 'signup') {
        await auth.signUp(username.value.trim(), password.value);
        // Sign-up normally starts a session; if this server does not, sign in now.
        if (!(await auth.session())) await auth.signIn(username.value.trim(), password.value);
      } else {
        await auth.signIn(username.value.trim(), password.value);
      }
      location.assign(next);
    } catch (err) {
      const apiError = err as ApiError;
      if (apiError.code === 'AUTH.PROVIDER_DISABLED') github.hidden = or.hidden = false;
      showError(signInMessage(apiError, mode), apiError.field ?? (apiError.status === 401 ? 'password' : 'username'));
      submit.disabled = false;
      submit.removeAttribute('aria-busy');
    }
  }

  const notice = params.get('expired')
    ? h('p', { class: 'notice', role: 'status', 'data-testid': 'signin-notice' }, 'You were signed out. Sign in again — your unsaved edits are kept in this browser.')
    : params.get('signedout')
      ? h('p', { class: 'notice', role: 'status', 'data-testid': 'signin-notice' }, 'You are signed out.')
      : null;

  root.replaceChildren(
    h(
      'main',
      { class: 'signin', 'aria-labelledby': 'signin-heading' },
      h('div', { class: 'brand brand-large' }, h('span', { class: 'logo', 'aria-hidden': 'true' }, '◆'), ' imad'),
      h(
        'div',
        { class: 'card' },
        heading,
        notice,
        h('div', { class: 'mode-tabs', role: 'tablist', 'aria-label': 'Sign in or create an account' }, tabSignin, tabSignup),
        h(
          'form',
          { class: 'signin-form', novalidate: true, onsubmit: onSubmit },
          h('label', { class: 'label', for: 'username' }, 'Username'),
          username,
          h('label', { class: 'label', for: 'password' }, 'Password'),
          password,
          h('label', { class: 'checkbox small', for: 'show-password' }, showPassword, ' Show password'),
          hint,
          error,
          submit,
        ),
        or,
        github,
      ),
      h('p', { class: 'muted small footer' }, 'Learn web development by building it: edit, save, deploy.'),
    ),
  );
  setMode(mode);
  username.focus();

  const providers = await auth.providers();
  github.hidden = or.hidden = !providers.has('github');
  if (!providers.has('local')) {
    // GitHub only: the username form would just fail, so it is not offered.
    for (const el of root.querySelectorAll<HTMLElement>('.signin-form, .mode-tabs, .or')) el.hidden = true;
    heading.textContent = 'Sign in to imad';
    github.focus();
  }
}

/** Server messages are used when present; these cover the common codes clearly. */
function signInMessage(e: ApiError, mode: Mode): string {
  if (e.code === 'NETWORK') return e.message;
  if (e.status === 429) return 'Too many attempts. Wait a minute, then try again.';
  if (mode === 'signin' && e.status === 401) return e.message && !/^You are signed out/.test(e.message) ? e.message : 'Wrong username or password.';
  if (mode === 'signup' && e.status === 409) return e.message || 'That username is taken. Try another one.';
  return e.message;
}

const root = document.getElementById('app');
if (root) void main(root);
