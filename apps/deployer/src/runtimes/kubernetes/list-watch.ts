import { Watch, type KubeConfig } from '@kubernetes/client-node';
import type { Logger } from '@imad/observability';

export type WatchEvent = 'ADDED' | 'MODIFIED' | 'DELETED';

interface Listed<T> {
  items: T[];
  metadata?: { resourceVersion?: string };
}

export interface ListWatchOptions<T> {
  /** For logs: e.g. "deployments in apps-0". */
  what: string;
  /** Watch path, e.g. /apis/apps/v1/namespaces/apps-0/deployments. */
  path: string;
  labelSelector: string;
  list: () => Promise<Listed<T>>;
  /** Called with every object of a (re)list, then with each watch event. */
  onSync: (items: T[]) => void;
  onEvent: (type: WatchEvent, object: T) => void;
  /** Waits for the client-side rate limiter before a list or a watch is opened. */
  admit: () => Promise<void>;
  /** A watch with no event (bookmarks included) this long is presumed dead and reopened. */
  quietMs: number;
  logger: Logger;
}

/**
 * List, then watch from the list's resourceVersion; reopen the watch when it ends, errs
 * or goes quiet, and list again when the server says the version is gone (410). Events
 * of one kind arrive here one at a time, in order.
 */
export class ListWatch<T extends { metadata?: { resourceVersion?: string } }> {
  private stopped = false;
  private abort: AbortController | undefined;
  private resourceVersion: string | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly kubeConfig: KubeConfig,
    private readonly o: ListWatchOptions<T>,
  ) {}

  /** Resolves after the first list, so callers know the cache is warm. */
  async start(): Promise<void> {
    await this.relist();
    this.running = this.loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.abort?.abort();
    await this.running;
  }

  private async relist(): Promise<void> {
    await this.o.admit();
    const listed = await this.o.list();
    this.resourceVersion = listed.metadata?.resourceVersion;
    this.o.onSync(listed.items);
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      try {
        if (!this.resourceVersion) await this.relist();
        await this.watchOnce();
        failures = 0;
      } catch (error) {
        if (this.stopped) return;
        failures++;
        const delay = Math.min(30_000, 500 * 2 ** Math.min(failures, 6));
        this.o.logger.warn({ err: error, what: this.o.what, delayMs: delay }, 'watch failed; reopening');
        await new Promise((r) => setTimeout(r, delay));
      }
    }
  }

  /** One watch request, until the server ends it, it fails, or it goes quiet. */
  private async watchOnce(): Promise<void> {
    await this.o.admit();
    await new Promise<void>((resolve, reject) => {
      let quiet: NodeJS.Timeout | undefined;
      const alive = () => {
        clearTimeout(quiet);
        quiet = setTimeout(() => {
          this.o.logger.info({ what: this.o.what }, 'watch went quiet; reopening');
          this.abort?.abort();
        }, this.o.quietMs);
      };
      const done = (error?: unknown) => {
        clearTimeout(quiet);
        const e = error as { name?: string; statusCode?: number } | null | undefined;
        // client-node ends a watch silent for 30 s with TimeoutError: quiet, not broken.
        if (!e || this.stopped || e.name === 'AbortError' || e.name === 'TimeoutError') return resolve();
        if (e.statusCode === 410) this.resourceVersion = undefined;
        reject(error);
      };
      alive();
      new Watch(this.kubeConfig)
        .watch(
          this.o.path,
          { labelSelector: this.o.labelSelector, resourceVersion: this.resourceVersion, allowWatchBookmarks: true, timeoutSeconds: 300 },
          (type: string, object: T & { code?: number }) => {
            alive();
            if (type === 'ERROR') {
              // 410 Gone: our version was compacted away; list again.
              if (object.code === 410) this.resourceVersion = undefined;
              this.abort?.abort();
              return;
            }
            const rv = object.metadata?.resourceVersion;
            if (rv) this.resourceVersion = rv;
            if (type === 'ADDED' || type === 'MODIFIED' || type === 'DELETED') this.o.onEvent(type, object);
          },
          done,
        )
        .then((controller) => {
          this.abort = controller;
          if (this.stopped) controller.abort();
        }, done);
    });
  }
}
