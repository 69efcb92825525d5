import { pageFor, renderErrorPage } from './error-page';

describe('error pages', () => {
  it('escapes everything it shows', () => {
    const html = renderErrorPage({ status: 400, title: 'T', message: '<script>alert(1)</script>', code: 'X', requestId: '"r"', action: { href: 'http://a/"b', label: 'Go' } });
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('href="http://a/&quot;b"');
  });

  it('offers to start the GitHub sign-in again after a GitHub or state failure', () => {
    expect(pageFor('AUTH.GITHUB_TIMEOUT', 'https://learn.example.org/').action.href).toBe('https://learn.example.org/auth/github');
    expect(pageFor('AUTH.STATE_INVALID', 'https://learn.example.org').title).toBe('Signing in with GitHub did not work');
    expect(pageFor('AUTH.RATE_LIMITED', 'https://learn.example.org').action.href).toBe('https://learn.example.org');
  });
});
