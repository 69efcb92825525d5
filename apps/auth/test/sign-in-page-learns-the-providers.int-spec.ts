import { bootAuth, type BootedAuth } from './support/boot';
import { bootWithGitHub } from './support/github-flow';

// The sign-in page asks which way to sign in instead of guessing from an error.
describe('GET /auth/providers', () => {
  it('offers local accounts on the embedded default', async () => {
    const auth: BootedAuth = await bootAuth();
    try {
      const res = await fetch(`${auth.url}/auth/providers`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ providers: ['local'] });
    } finally {
      await auth.close();
    }
  });

  it('offers GitHub when a GitHub app is configured', async () => {
    const { auth, github } = await bootWithGitHub();
    try {
      const res = await fetch(`${auth.url}/auth/providers`);
      expect(await res.json()).toEqual({ providers: ['github'] });
    } finally {
      await auth.close();
      await github.stop();
    }
  });
});
