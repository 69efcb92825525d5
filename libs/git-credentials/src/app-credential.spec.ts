import { createHmac } from 'node:crypto';
import { appGitCredential, checkAppGitCredential, cloneUrlWithCredential, parseBasicAuth } from './app-credential';

const secret = 'a-long-enough-test-secret-for-hmac-keys';
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('per-app git read credential', () => {
  it('is the hex HMAC-SHA256 of the app name keyed with the secret', () => {
    const expected = createHmac('sha256', Buffer.from(secret, 'utf8')).update('alice').digest('hex');
    expect(appGitCredential(secret, 'alice')).toEqual({ username: 'alice', password: expected });
    expect(appGitCredential(secret, 'bob').password).not.toEqual(expected);
  });

  it('accepts the app its own credential', () => {
    const { username, password } = appGitCredential(secret, 'alice');
    expect(checkAppGitCredential(secret, 'alice', basic(username, password))).toBe('ok');
  });

  it('tells a missing, a wrong and another app’s credential apart', () => {
    const bob = appGitCredential(secret, 'bob');
    expect(checkAppGitCredential(secret, 'alice', undefined)).toBe('missing');
    expect(checkAppGitCredential(secret, 'alice', 'Bearer x')).toBe('missing');
    expect(checkAppGitCredential(secret, 'alice', basic('alice', 'wrong'))).toBe('invalid');
    expect(checkAppGitCredential(secret, 'alice', basic('alice', bob.password))).toBe('invalid');
    expect(checkAppGitCredential(secret, 'alice', basic('bob', bob.password))).toBe('other-app');
    expect(checkAppGitCredential('another-secret-of-enough-length', 'alice', basic('alice', appGitCredential(secret, 'alice').password))).toBe('invalid');
  });

  it('puts the credential into a clone URL', () => {
    const url = new URL(cloneUrlWithCredential('http://127.0.0.1:3002/git/alice.git', secret, 'alice'));
    expect(url.username).toBe('alice');
    expect(url.password).toBe(appGitCredential(secret, 'alice').password);
    expect(url.pathname).toBe('/git/alice.git');
  });

  it('parses Basic headers and refuses malformed ones', () => {
    expect(parseBasicAuth(basic('a', 'p:q'))).toEqual({ username: 'a', password: 'p:q' });
    expect(parseBasicAuth(`Basic ${Buffer.from('nocolon').toString('base64')}`)).toBeUndefined();
    expect(parseBasicAuth('')).toBeUndefined();
  });
});
