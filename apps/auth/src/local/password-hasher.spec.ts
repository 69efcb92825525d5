import { PasswordHasher } from './password-hasher';

// Cheap parameters keep unit tests fast; production uses DEFAULT_SCRYPT.
const hasher = new PasswordHasher({ log2N: 10, r: 8, p: 1 });

describe('PasswordHasher', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hasher.hash('correct horse');
    expect(await hasher.verify('correct horse', stored)).toBe(true);
    expect(await hasher.verify('correct horsf', stored)).toBe(false);
  });

  it('stores the parameters and a fresh salt with every hash, never the password', async () => {
    const [a, b] = [await hasher.hash('same password'), await hasher.hash('same password')];
    expect(a).toMatch(/^scrypt\$10\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('same password');
  });

  it('checks a hash made with other parameters by the parameters stored in it', async () => {
    const stronger = await new PasswordHasher({ log2N: 11, r: 8, p: 1 }).hash('pw with more cost');
    expect(await hasher.verify('pw with more cost', stronger)).toBe(true);
  });

  it('treats visually identical Unicode spellings as the same password', async () => {
    const stored = await hasher.hash('caf\u00e9 au lait');
    expect(await hasher.verify('cafe\u0301 au lait', stored)).toBe(true);
  });

  it('says no for nobody, and refuses a malformed stored hash', async () => {
    expect(await hasher.verifyNobody('anything')).toBe(false);
    expect(await hasher.verify('anything', 'plain-text')).toBe(false);
  });
});
