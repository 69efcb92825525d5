/** A small page a student understands, for browser navigations (e.g. the GitHub callback). */
export interface ErrorPage {
  status: number;
  title: string;
  message: string;
  code: string;
  requestId?: string;
  action: { href: string; label: string };
}

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function renderErrorPage(page: ErrorPage): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(page.title)} · imad</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#222}
a.button{display:inline-block;padding:.5rem 1rem;background:#0b57d0;color:#fff;border-radius:4px;text-decoration:none}
small{color:#666}</style></head>
<body>
<h1>${escape(page.title)}</h1>
<p>${escape(page.message)}</p>
<p><a class="button" href="${escape(page.action.href)}">${escape(page.action.label)}</a></p>
<p><small>Error ${escape(page.code)} (HTTP ${page.status})${page.requestId ? ` · request ${escape(page.requestId)}` : ''}</small></p>
</body>
</html>
`;
}

/** Headline and next step per error family; the message itself comes from the error. */
export function pageFor(code: string, publicUrl: string): Pick<ErrorPage, 'title' | 'action'> {
  const home = { href: publicUrl, label: 'Back to imad' };
  const retryGitHub = { href: `${publicUrl.replace(/\/+$/, '')}/auth/github`, label: 'Sign in with GitHub again' };
  if (code.startsWith('AUTH.GITHUB_') || code.startsWith('AUTH.STATE_')) return { title: 'Signing in with GitHub did not work', action: retryGitHub };
  if (code === 'AUTH.PROVIDER_DISABLED') return { title: 'This way of signing in is not enabled', action: home };
  if (code === 'AUTH.RATE_LIMITED') return { title: 'Too many attempts', action: home };
  if (code === 'AUTH.NO_SESSION') return { title: 'You are not signed in', action: home };
  if (code.startsWith('REQUEST.')) return { title: 'That request could not be understood', action: home };
  return { title: 'Something went wrong', action: home };
}
