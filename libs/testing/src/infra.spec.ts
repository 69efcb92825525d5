import { eventually, uniqueName } from './infra';

describe('test helpers', () => {
  it('makes distinct names', () => {
    expect(uniqueName('q')).not.toEqual(uniqueName('q'));
    expect(uniqueName('q')).toMatch(/^q-[a-z0-9]+-[0-9a-f]{6}$/);
  });

  it('eventually returns the first truthy value and times out with the reason', async () => {
    let calls = 0;
    await expect(eventually('three calls', () => (++calls >= 3 ? calls : false), 1000, 1)).resolves.toBe(3);
    await expect(eventually('never', () => false, 50, 5)).rejects.toThrow(/timed out after 50 ms waiting for never/);
  });
});
