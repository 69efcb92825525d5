import { afterAll, beforeAll, expect, test } from '@jest/globals';
import type { BrowserContext, Page } from 'playwright-core';
import { openBrowser } from './support/browser';
import { IdePage } from './support/ide-page';
import { expectPlatformUp, password, uniqueUsername } from './support/platform';
import { Screenshots } from './support/screenshots';

// One student's first session, in order: each step builds on the one before.
let context: BrowserContext;
let page: Page;
let close: () => Promise<void>;
let ide: IdePage;
const shots = new Screenshots('a-student-edits-saves-and-deploys');
const username = uniqueUsername('stud');
const greeting = `Hello from ${username}`;
let original = '';
let appLink = '';

beforeAll(async () => {
  await expectPlatformUp();
  await shots.reset();
  ({ context, page, close } = await openBrowser());
  ide = new IdePage(page);
});

afterAll(async () => {
  await close?.();
});

test('a visitor who is not signed in lands on the sign-in page', async () => {
  await ide.gotoIde();
  await page.waitForURL(/\/signin\.html/);
  await shots.take(page, 'signin-page');
  expect(await page.locator('[data-testid="signin-submit"]').isVisible()).toBe(true);
});

test('signing up opens the workspace with the template files', async () => {
  await ide.signUp(username, password);
  const files = await ide.filePaths();
  await shots.take(page, 'workspace');
  expect(files).toEqual(expect.arrayContaining(['server.js', 'package.json']));
  expect(new URL(page.url()).pathname).toBe('/');
});

test('editing server.js marks it unsaved', async () => {
  await ide.openFile('server.js');
  original = await ide.editorText();
  const edited = changeGreeting(original, greeting);
  await ide.replaceEditorText(edited);
  expect(await ide.editorText()).toBe(edited);
  expect(await ide.tabIsDirty('server.js')).toBe(true);
  await shots.take(page, 'edited-unsaved');
});

test('Ctrl+S saves it as a commit that appears in the save history', async () => {
  const saved = await ide.saveWithKeyboard();
  await shots.take(page, 'saved');
  expect(saved.commit).toMatch(/^[0-9a-f]{40,64}$/);
  expect(saved.message).toContain('server.js');
  expect(await ide.tabIsDirty('server.js')).toBe(false);
});

test('Deploy goes live and the status line links to the app', async () => {
  const phase = await ide.deployAndWait().finally(() => shots.take(page, 'deploy-ready'));
  console.log(`phases seen: ${(await ide.phasesSeen()).join(' → ')}; status: ${await ide.statusText()}`);
  expect(phase).toBe('ready');
  appLink = (await page.locator('[data-testid="status-app-link"]').getAttribute('href')) ?? '';
  expect(appLink).toMatch(/^https?:\/\//);
});

test('the app at its link shows the edited greeting', async () => {
  expect(appLink).not.toBe('');
  const app = await context.newPage();
  try {
    const response = await app.goto(appLink);
    expect(response?.status()).toBe(200);
    expect(await app.locator('body').innerText()).toContain(greeting);
    await shots.take(app, 'app-live');
  } finally {
    await app.close();
  }
});

test('an app that throws at start-up fails to deploy and the IDE shows why', async () => {
  const broken = `throw new Error('boom');\n${changeGreeting(original, greeting)}`;
  await ide.replaceEditorText(broken);
  expect(await ide.editorText()).toBe(broken);
  const saved = await ide.saveWithKeyboard();
  expect(saved.message).toContain('server.js');
  await shots.take(page, 'broken-saved');
  const phase = await ide.deployAndWait().finally(() => shots.take(page, 'deploy-failed'));
  await page.locator('[data-testid="deploy-details"]', { hasText: 'boom' }).waitFor({ timeout: 30_000 });
  await shots.take(page, 'deploy-failed-with-log');
  console.log(`phases seen: ${(await ide.phasesSeen()).join(' → ')}; status: ${await ide.statusText()}`);
  expect(phase).toBe('failed');
  expect(await page.locator('[data-testid="deploy-details"]').innerText()).toContain('boom');
  expect(await page.locator('[data-testid="deploy-item"]').count()).toBeGreaterThanOrEqual(2);
});

/** Replace the page's heading (the template says "Hello, world!") with our greeting. */
function changeGreeting(source: string, text: string): string {
  const changed = source.replace(/<h1>[^<]*<\/h1>/, `<h1>${text}</h1>`);
  if (changed !== source) return changed;
  const fallback = source.replace(/Hello,? world!?/i, text);
  if (fallback === source) throw new Error(`server.js has no greeting to change (no <h1> and no "Hello, world"): ${source.slice(0, 300)}`);
  return fallback;
}

