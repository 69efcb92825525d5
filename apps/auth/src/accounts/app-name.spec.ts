import { appNameSchema } from '@imad/contracts';
import { appNameBase, appNameCandidates } from './app-name';

describe('app names from logins', () => {
  it('lower-cases a login and keeps it when it is already a DNS label', () => {
    expect(appNameCandidates('OctoCat')[0]).toBe('octocat');
  });

  it('turns anything outside a-z 0-9 into single hyphens and trims them', () => {
    expect(appNameBase('__Jöhn..Doe_')).toBe('john-doe');
    expect(appNameBase('---')).toBe('app');
  });

  it('cuts long logins to 40 characters without a trailing hyphen, suffix included', () => {
    const login = `${'a'.repeat(39)}-bbbbbbbbb`;
    const names = appNameCandidates(login);
    expect(names[0]).toBe('a'.repeat(39));
    expect(names[1]).toBe(`${'a'.repeat(38)}-2`);
    for (const name of names) expect(appNameSchema.safeParse(name).success).toBe(true);
  });

  it('never offers a reserved name, starting at the numbered ones instead', () => {
    expect(appNameCandidates('Admin')[0]).toBe('admin-2');
    expect(appNameCandidates('www')).not.toContain('www');
  });

  it('offers numbered then random fallbacks, all distinct', () => {
    const names = appNameCandidates('octocat');
    expect(names.slice(0, 3)).toEqual(['octocat', 'octocat-2', 'octocat-3']);
    expect(names).toHaveLength(12);
    expect(new Set(names).size).toBe(names.length);
    expect(names[11]).toMatch(/^octocat-[0-9a-f]{6}$/);
  });
});
