import type { Page } from 'playwright-core';
import { imadUrl } from './platform';

const terminal = ['ready', 'failed', 'superseded', 'removed'];

/**
 * What a student does in the IDE, step by step, through the controls' `data-testid`s.
 * Typing goes through the keyboard; the editor's text is read back through Ace only to
 * check it (a student would read the screen).
 */
export class IdePage {
  constructor(readonly page: Page) {}

  testid(id: string, extra = ''): string {
    return `[data-testid="${id}"]${extra}`;
  }

  async gotoIde(): Promise<void> {
    await this.page.goto(`${imadUrl}/`);
  }

  async signUp(username: string, password: string): Promise<void> {
    await this.page.locator(this.testid('mode-signup')).click();
    await this.fillCredentials(username, password);
    await this.waitForWorkspace();
  }

  async signIn(username: string, password: string): Promise<void> {
    await this.page.locator(this.testid('mode-signin')).click();
    await this.fillCredentials(username, password);
    await this.waitForWorkspace();
  }

  private async fillCredentials(username: string, password: string): Promise<void> {
    await this.page.locator(this.testid('username')).fill(username);
    await this.page.locator(this.testid('password')).fill(password);
    await this.page.locator(this.testid('signin-submit')).click();
  }

  /** The IDE is open once the file list shows at least one file. */
  async waitForWorkspace(): Promise<void> {
    const error = this.page.locator(this.testid('signin-error'));
    await Promise.race([
      this.page.locator(this.testid('file-item')).first().waitFor({ timeout: 60_000 }),
      error.waitFor({ state: 'visible', timeout: 60_000 }).then(async () => {
        throw new Error(`sign-in failed: ${await error.textContent()}`);
      }),
    ]);
  }

  async filePaths(): Promise<string[]> {
    return this.page.locator(this.testid('file-item')).evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.path ?? ''));
  }

  async openFile(path: string): Promise<void> {
    await this.page.locator(this.testid('file-item', `[data-path="${path}"]`)).click();
    await this.page.locator(this.testid('tab', `[data-path="${path}"] [aria-selected="true"]`)).waitFor();
    await this.page.locator(`${this.testid('editor')} .ace_content`).waitFor();
  }

  async editorText(): Promise<string> {
    return this.page.evaluate(() => {
      const w = window as unknown as { ace: { edit(el: Element): { getValue(): string } } };
      return w.ace.edit(document.querySelector('[data-testid="editor"]') as Element).getValue();
    });
  }

  /** Select all and type the new text in, as a paste would (no auto-indent or bracket pairing). */
  async replaceEditorText(text: string): Promise<void> {
    await this.page.locator(`${this.testid('editor')} .ace_content`).click();
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.insertText(text);
  }

  async tabIsDirty(path: string): Promise<boolean> {
    return (await this.page.locator(this.testid('tab', `[data-path="${path}"]`)).getAttribute('data-dirty')) === 'true';
  }

  async saveIds(): Promise<string[]> {
    return this.page.locator(this.testid('save-item')).evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.commit ?? ''));
  }

  /** Ctrl+S, then wait until nothing is unsaved and a new save tops the history. */
  async saveWithKeyboard(): Promise<{ commit: string; message: string }> {
    const before = await this.saveIds();
    await this.page.keyboard.press('Control+S');
    await this.page.locator(this.testid('save-button', '[data-dirty-count="0"]')).waitFor({ timeout: 30_000 });
    await this.page.waitForFunction(
      (known) => {
        const first = document.querySelector<HTMLElement>('[data-testid="save-item"]');
        return !!first && !known.includes(first.dataset.commit ?? '');
      },
      before,
      { timeout: 30_000 },
    );
    const first = this.page.locator(this.testid('save-item')).first();
    return { commit: (await first.getAttribute('data-commit')) ?? '', message: (await first.textContent()) ?? '' };
  }

  /** Record every phase the status line shows from now on (read with `phasesSeen`). */
  async recordPhases(): Promise<void> {
    await this.page.evaluate(() => {
      const el = document.querySelector<HTMLElement>('[data-testid="status-line"]');
      const w = window as unknown as { __phases: string[] };
      w.__phases = [];
      if (!el) return;
      new MutationObserver(() => {
        const p = `${el.dataset.phase}`;
        if (w.__phases[w.__phases.length - 1] !== p) w.__phases.push(p);
      }).observe(el, { attributes: true, attributeFilter: ['data-phase'] });
    });
  }

  async phasesSeen(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as { __phases?: string[] }).__phases ?? []);
  }

  /** Press Deploy and wait for this deploy (a new deploy id) to end; returns its phase. */
  async deployAndWait(timeoutMs = 180_000): Promise<string> {
    const line = this.page.locator(this.testid('status-line'));
    const previous = (await line.getAttribute('data-deploy-id')) ?? '';
    await this.recordPhases();
    await this.page.locator(this.testid('deploy-button')).click();
    try {
      await this.page.waitForFunction(
        ({ previous, terminal }) => {
          const el = document.querySelector<HTMLElement>('[data-testid="status-line"]');
          return !!el && !!el.dataset.deployId && el.dataset.deployId !== previous && terminal.includes(el.dataset.phase ?? '');
        },
        { previous, terminal },
        { timeout: timeoutMs, polling: 250 },
      );
    } catch (error) {
      throw new Error(
        `the deploy did not finish within ${timeoutMs / 1000} s: the status line says "${await this.statusText()}"; phases seen: ${(await this.phasesSeen()).join(' → ') || 'none'}`,
        { cause: error },
      );
    }
    return (await line.getAttribute('data-phase')) ?? '';
  }

  async statusText(): Promise<string> {
    return (await this.page.locator(this.testid('status-line')).innerText()).replace(/\s+/g, ' ');
  }
}
