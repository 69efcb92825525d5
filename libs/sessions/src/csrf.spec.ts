import { checkCsrf, type CsrfRequest } from './csrf';
import { sha256Hex } from './secrets';

const origin = 'https://learn.example.org';
const token = 't'.repeat(43);
const session = { csrfHash: sha256Hex(token) };

function post(headers: Record<string, string>): CsrfRequest {
  return { method: 'POST', headers };
}

describe('checkCsrf', () => {
  it('lets safe methods through without a token', () => {
    expect(checkCsrf({ method: 'GET', headers: {} }, session, origin)).toEqual({ ok: true });
  });

  it('accepts a POST whose header matches the cookie and the session', () => {
    const req = post({ cookie: `imad_csrf=${token}`, 'x-csrf-token': token, origin, 'sec-fetch-site': 'same-origin' });
    expect(checkCsrf(req, session, origin)).toEqual({ ok: true });
  });

  it('refuses a POST without the header', () => {
    expect(checkCsrf(post({ cookie: `imad_csrf=${token}` }), session, origin)).toMatchObject({ ok: false, reason: expect.stringMatching(/missing CSRF token/) });
  });

  it('refuses a header that differs from the cookie', () => {
    const req = post({ cookie: `imad_csrf=${token}`, 'x-csrf-token': 'u'.repeat(43) });
    expect(checkCsrf(req, session, origin)).toMatchObject({ ok: false, reason: expect.stringMatching(/does not match/) });
  });

  it('refuses a matching pair that was planted rather than issued with the session', () => {
    const planted = 'p'.repeat(43);
    const req = post({ cookie: `imad_csrf=${planted}`, 'x-csrf-token': planted });
    expect(checkCsrf(req, session, origin)).toMatchObject({ ok: false, reason: expect.stringMatching(/not issued with this session/) });
  });

  it('refuses another origin, and a same-site (sibling subdomain) page', () => {
    const base = { cookie: `imad_csrf=${token}`, 'x-csrf-token': token };
    expect(checkCsrf(post({ ...base, origin: 'https://evil.example' }), session, origin)).toMatchObject({ ok: false });
    expect(checkCsrf(post({ ...base, 'sec-fetch-site': 'same-site' }), session, origin)).toMatchObject({ ok: false, reason: expect.stringMatching(/same-site/) });
  });
});
