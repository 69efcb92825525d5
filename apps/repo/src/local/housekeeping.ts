import { git } from './git';

/**
 * Every save adds a small pack (see FastImportSession); every `every` saves of a repository
 * `git gc --auto` runs in the background — it does nothing until git's own thresholds
 * (gc.autoPackLimit, gc.auto) are passed, then folds the packs into one. Plain `git commit`
 * does the same after each commit. Failures only cost disk space, so they are not errors.
 */
export class Housekeeping {
  private readonly counts = new Map<string, number>();

  constructor(private readonly every = 20, private readonly onError: (error: unknown) => void = () => undefined) {}

  saved(gitDir: string): void {
    const count = (this.counts.get(gitDir) ?? 0) + 1;
    if (count < this.every) {
      this.counts.set(gitDir, count);
      return;
    }
    this.counts.delete(gitDir);
    // gc.autoDetach (default on) makes this return at once and do the work in the background.
    git(['gc', '--auto', '--quiet'], { gitDir }).catch(this.onError);
  }
}
