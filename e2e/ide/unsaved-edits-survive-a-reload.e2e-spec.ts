import { afterAll, beforeAll, expect, test } from '@jest/globals';
import type { Page } from 'playwright-core';
import { openBrowser } from './support/browser';
import { IdePage } from './support/ide-page';
import { expectPlatformUp, password, uniqueUsername } from './support/platform';
import { Screenshots } from './support/screenshots';

let page: Page;
let close: () => Promise<void>;
let ide: IdePage;
const shots = new Screenshots('unsaved-edits-survive-a-reload');

beforeAll(async () => {
  await expectPlatformUp();
  await shots.reset();
  ({ page, close } = await openBrowser());
  ide = new IdePage(page);
  await ide.gotoIde();
  await ide.signUp(uniqueUsername('keep'), password);
});

afterAll(async () => {
  await close?.();
});

test('reloading with unsaved edits warns first, then restores them', async () => {
  await ide.openFile('server.js');
  const edited = `// my unsaved note\n${await ide.editorText()}`;
  await ide.replaceEditorText(edited);
  await shots.take(page, 'unsaved-before-reload');

  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.type());
    void d.accept();
  });
  await page.reload();
  await ide.waitForWorkspace();
  await page.locator('[data-testid="tab"][data-path="server.js"][data-dirty="true"]').waitFor();
  await ide.openFile('server.js');
  await shots.take(page, 'restored-after-reload');

  expect(dialogs).toContain('beforeunload');
  expect(await ide.editorText()).toBe(edited);
  expect(await page.locator('[data-testid="file-item"][data-path="server.js"]').getAttribute('data-dirty')).toBe('true');
});

test('closing a tab with unsaved edits asks first', async () => {
  await page.locator('[data-testid="tab"][data-path="server.js"] [data-testid="tab-close"]').click();
  const dialog = page.locator('[data-testid="close-tab-dialog"]');
  await dialog.waitFor();
  await shots.take(page, 'close-tab-warning');
  await page.locator('[data-testid="dialog-cancel"]').click();
  await dialog.waitFor({ state: 'detached' });
  expect(await ide.tabIsDirty('server.js')).toBe(true);
});
