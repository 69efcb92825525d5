import { clearedSessionCookies, cookiePolicy, readCookie, sessionCookies } from './cookies';

describe('cookiePolicy', () => {
  it('is Secure behind https and takes the path of PUBLIC_URL (plain names: __Host- needs Path=/)', () => {
    expect(cookiePolicy('https://learn.example.org/imad/')).toEqual({
      secure: true,
      path: '/imad',
      origin: 'https://learn.example.org',
      names: { session: 'imad_session', csrf: 'imad_csrf', prefix: '' },
    });
  });

  it('is not Secure on plain http and uses / at the root', () => {
    expect(cookiePolicy('http://localhost:8080')).toEqual({ secure: false, path: '/', origin: 'http://localhost:8080', names: { session: 'imad_session', csrf: 'imad_csrf', prefix: '' } });
  });

  it('uses __Host- names under https at the root, which a sibling subdomain cannot set', () => {
    expect(cookiePolicy('https://ide.example.org/').names).toEqual({ session: '__Host-imad_session', csrf: '__Host-imad_csrf', prefix: '__Host-' });
  });
});

describe('session cookies', () => {
  const issued = { id: 'i'.repeat(43), csrfToken: 'c'.repeat(43), maxAgeSeconds: 2_592_000 };

  it('makes the session cookie HttpOnly, SameSite=Lax, host-only, Secure and __Host- under https', () => {
    const [session, csrf] = sessionCookies(issued, cookiePolicy('https://learn.example.org'));
    expect(session).toBe(`__Host-imad_session=${issued.id}; Path=/; Max-Age=2592000; SameSite=Lax; HttpOnly; Secure`);
    expect(csrf).toBe(`__Host-imad_csrf=${issued.csrfToken}; Path=/; Max-Age=2592000; SameSite=Lax; Secure`);
    expect(session).not.toMatch(/Domain=/i);
  });

  it('keeps plain names on http (local use)', () => {
    const [session] = sessionCookies(issued, cookiePolicy('http://localhost:8080'));
    expect(session).toBe(`imad_session=${issued.id}; Path=/; Max-Age=2592000; SameSite=Lax; HttpOnly`);
  });

  it('clears both cookies with Max-Age=0 on the same path', () => {
    const cleared = clearedSessionCookies(cookiePolicy('http://localhost:8080/ide'));
    expect(cleared).toEqual(['imad_session=; Path=/ide; Max-Age=0; SameSite=Lax; HttpOnly', 'imad_csrf=; Path=/ide; Max-Age=0; SameSite=Lax']);
  });
});

describe('readCookie', () => {
  it('finds a cookie among others and takes the first of duplicates', () => {
    expect(readCookie('a=1; imad_session=first; imad_session=second', 'imad_session')).toBe('first');
  });

  it('answers undefined when the header or the cookie is missing', () => {
    expect(readCookie(undefined, 'imad_session')).toBeUndefined();
    expect(readCookie('imad_sessionx=1; junk', 'imad_session')).toBeUndefined();
  });
});
