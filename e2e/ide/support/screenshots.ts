import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';

const root = path.resolve(import.meta.dirname, '../../../test-output/e2e-ide');

/** Numbered screenshots of one test: test-output/e2e-ide/<test>/<nn>-<step>.png */
export class Screenshots {
  private n = 0;
  readonly dir: string;

  constructor(test: string) {
    this.dir = path.join(root, test);
  }

  async reset(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
    await mkdir(this.dir, { recursive: true });
  }

  async take(page: Page, step: string): Promise<string> {
    const file = path.join(this.dir, `${String(++this.n).padStart(2, '0')}-${step}.png`);
    await page.screenshot({ path: file });
    return file;
  }
}
