import { describe, expect, test } from '@jest/globals';
import type { Draft } from '../workspace/draft-store';
import { Workspace } from '../workspace/workspace';
import { restoreDrafts, settleDraft } from './restore';

const H1 = 'a'.repeat(40);
const H2 = 'b'.repeat(40);
const tree = [{ path: 'server.js', size: 1, binary: false }, { path: 'README.md', size: 1, binary: false }];
const files: Record<string, string> = { 'server.js': 'saved', 'README.md': '# hi' };
const load = async (p: string) => files[p];
const draft = (over: Partial<Draft>): Draft => ({ baseCommit: H1, path: 'server.js', origin: 'server.js', base: 'saved', content: 'draft', deleted: false, savedAt: 1, ...over });

describe('restoring drafts after a reload', () => {
  test('an edit of an unchanged file comes back as an unsaved edit', async () => {
    const ws = new Workspace(H1, tree);
    const { restored, pending } = await restoreDrafts(ws, [draft({})], load);
    expect(pending).toEqual([]);
    expect(restored.map((e) => e.path)).toEqual(['server.js']);
    expect(ws.changes()).toEqual([{ op: 'upsert', path: 'server.js', content: 'draft' }]);
  });

  test('a draft of an older commit still applies when its file did not change since', async () => {
    const ws = new Workspace(H2, tree);
    const { pending } = await restoreDrafts(ws, [draft({ baseCommit: H1 })], load);
    expect(pending).toEqual([]);
    expect(ws.find('server.js')?.content).toBe('draft');
  });

  test('a draft of a file saved elsewhere meanwhile waits for the student to choose', async () => {
    const ws = new Workspace(H2, tree);
    const { restored, pending } = await restoreDrafts(ws, [draft({ base: 'older' })], load);
    expect(restored).toEqual([]);
    expect(pending[0].item).toEqual({ path: 'server.js', mine: 'draft', theirs: 'saved' });
    expect(ws.isDirty()).toBe(false);
  });

  test('keeping mine puts the draft on top of the saved version; taking theirs drops it', async () => {
    const ws = new Workspace(H2, tree);
    const { pending } = await restoreDrafts(ws, [draft({ base: 'older' })], load);
    expect(settleDraft(ws, pending[0], 'theirs')).toBeNull();
    expect(ws.isDirty()).toBe(false);
    settleDraft(ws, pending[0], 'mine');
    expect(ws.find('server.js')?.base).toBe('saved');
    expect(ws.changes()).toEqual([{ op: 'upsert', path: 'server.js', content: 'draft' }]);
  });

  test('new files, renames and deletes come back too', async () => {
    const ws = new Workspace(H1, tree);
    await restoreDrafts(
      ws,
      [
        draft({ path: 'notes.md', origin: null, base: null, content: 'n' }),
        draft({ path: 'app.js', origin: 'server.js', content: null }),
        draft({ path: 'README.md', origin: 'README.md', base: null, content: null, deleted: true }),
      ],
      load,
    );
    expect(ws.changes()).toEqual([
      { op: 'delete', path: 'README.md' },
      { op: 'rename', from: 'server.js', to: 'app.js' },
      { op: 'upsert', path: 'notes.md', content: 'n' },
    ]);
  });

  test('of two drafts of one file, the newest wins', async () => {
    const ws = new Workspace(H1, tree);
    await restoreDrafts(ws, [draft({ content: 'old', savedAt: 1 }), draft({ baseCommit: H2, content: 'new', savedAt: 2 })], load);
    expect(ws.find('server.js')?.content).toBe('new');
  });
});
