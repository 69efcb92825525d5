import { afterAll, beforeAll, expect, test } from '@jest/globals';
import type { BrowserContext, Page } from 'playwright-core';
import { openBrowser } from './support/browser';
import { IdePage } from './support/ide-page';
import { expectPlatformUp, imadUrl, password, uniqueUsername } from './support/platform';
import { Screenshots } from './support/screenshots';

// The same student in two tabs: the first saves server.js, the second (which opened it
// before that save) saves its own edit of it and must choose which version to keep.
let context: BrowserContext;
let first: IdePage;
let second: IdePage;
let close: () => Promise<void>;
const shots = new Screenshots('saving-over-a-newer-save');

beforeAll(async () => {
  await expectPlatformUp();
  await shots.reset();
  let page: Page;
  ({ context, page, close } = await openBrowser());
  first = new IdePage(page);
  await first.gotoIde();
  await first.signUp(uniqueUsername('twin'), password);
  second = new IdePage(await context.newPage());
  await second.page.goto(`${imadUrl}/`);
  await second.waitForWorkspace();
});

afterAll(async () => {
  await close?.();
});

test('the conflict shows both versions; keeping mine saves it on top of the other save', async () => {
  await first.page.bringToFront();
  await first.openFile('server.js');
  const original = await first.editorText();
  const theirs = `// edited in the first tab\n${original}`;
  await first.replaceEditorText(theirs);
  await first.saveWithKeyboard();

  await second.page.bringToFront();
  await second.openFile('server.js');
  expect(await second.editorText()).toBe(original); // it opened before the first tab saved
  const mine = `// edited in the second tab\n${original}`;
  await second.replaceEditorText(mine);
  await second.page.keyboard.press('Control+S');

  const dialog = second.page.locator('[data-testid="conflict-dialog"]');
  await dialog.waitFor();
  const file = dialog.locator('[data-testid="conflict-file"][data-path="server.js"]');
  expect(await file.locator('[data-testid="conflict-mine"]').innerText()).toContain('edited in the second tab');
  expect(await file.locator('[data-testid="conflict-theirs"]').innerText()).toContain('edited in the first tab');
  await shots.take(second.page, 'conflict-dialog');

  const before = await second.saveIds();
  await file.locator('[data-testid="conflict-keep-mine"]').check();
  await dialog.locator('[data-testid="conflict-save"]').click();
  await dialog.waitFor({ state: 'detached' });
  await second.page.locator('[data-testid="save-button"][data-dirty-count="0"]').waitFor();
  await second.page.waitForFunction((known) => {
    const top = document.querySelector<HTMLElement>('[data-testid="save-item"]');
    return !!top && !known.includes(top.dataset.commit ?? '');
  }, before);
  await shots.take(second.page, 'kept-mine-and-saved');

  expect(await second.editorText()).toBe(mine);
  // The template's commit, the first tab's save and this one.
  expect((await second.saveIds()).length).toBeGreaterThanOrEqual(3);
  await first.page.bringToFront();
  await first.page.reload();
  await first.waitForWorkspace();
  await first.openFile('server.js');
  expect(await first.editorText()).toBe(mine);
});
