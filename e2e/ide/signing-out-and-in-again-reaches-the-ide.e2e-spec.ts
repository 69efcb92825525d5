import { afterAll, beforeAll, expect, test } from '@jest/globals';
import type { BrowserContext, Page } from 'playwright-core';
import { openBrowser } from './support/browser';
import { IdePage } from './support/ide-page';
import { expectPlatformUp, password, uniqueUsername } from './support/platform';
import { Screenshots } from './support/screenshots';

let context: BrowserContext;
let page: Page;
let close: () => Promise<void>;
let ide: IdePage;
const shots = new Screenshots('signing-out-and-in-again');
const username = uniqueUsername('back');

beforeAll(async () => {
  await expectPlatformUp();
  await shots.reset();
  ({ context, page, close } = await openBrowser());
  ide = new IdePage(page);
  await ide.gotoIde();
  await ide.signUp(username, password);
});

afterAll(async () => {
  await close?.();
});

test('signing out leads to the sign-in page, and signing in again reaches the IDE', async () => {
  await page.locator('[data-testid="signout-button"]').click();
  await page.waitForURL(/\/signin\.html/);
  await page.locator('[data-testid="signin-notice"]').waitFor();
  await shots.take(page, 'signed-out');
  await ide.signIn(username, password);
  await shots.take(page, 'signed-in-again');
  expect(await ide.filePaths()).toContain('server.js');
  expect(await page.locator('[data-testid="user-login"]').innerText()).toBe(username);
});

test('a wrong password is refused with a clear message', async () => {
  await page.locator('[data-testid="signout-button"]').click();
  await page.waitForURL(/\/signin\.html/);
  await page.locator('[data-testid="username"]').fill(username);
  await page.locator('[data-testid="password"]').fill('not-the-password');
  await page.locator('[data-testid="signin-submit"]').click();
  const error = page.locator('[data-testid="signin-error"]');
  await error.waitFor({ state: 'visible' });
  await shots.take(page, 'wrong-password');
  expect(await error.innerText()).toMatch(/wrong username or password/i);
  await ide.signIn(username, password);
});

test('when the session ends, the IDE says so, keeps the edits, and they are back after signing in', async () => {
  await ide.openFile('server.js');
  const edited = `${await ide.editorText()}\n// kept while signed out\n`;
  await ide.replaceEditorText(edited);
  await context.clearCookies({ name: 'imad_session' });
  await page.keyboard.press('Control+S');
  const dialog = page.locator('[data-testid="signed-out-dialog"]');
  await dialog.waitFor();
  await shots.take(page, 'session-expired');
  expect(await dialog.innerText()).toMatch(/edits are kept/i);
  await page.locator('[data-testid="signed-out-signin"]').click();
  await page.waitForURL(/\/signin\.html/);
  await ide.signIn(username, password);
  await page.locator('[data-testid="tab"][data-path="server.js"][data-dirty="true"]').waitFor();
  await ide.openFile('server.js');
  await shots.take(page, 'edits-restored-after-signin');
  expect(await ide.editorText()).toBe(edited);
});
