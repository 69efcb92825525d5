import type { AppLogLine } from '@imad/contracts';
import { appGitCredential } from '@imad/git-credentials';
import { runWithContext, type Logger } from '@imad/observability';
import type { Clock } from '@imad/status';
import type { ApplyOutcome, DeployTarget, RemoveTarget, RolloutReporter, Runtime } from '../../core/runtime.port';
import type { InstanceOptions } from './app-instance';
import { AppOutput, type LogSink } from '../app-output';
import { AppRouter } from './app-router';
import { checkoutCommit } from './git-checkout';
import { LocalApp, type Launch } from './local-app';
import { LocalState } from './local-state';

export interface LocalRuntimeOptions {
  appsDir: string;
  gitReadSecret: string;
  appsDomain: string;
  routerPort: number;
  routerHost?: string;
  instance: InstanceOptions;
  logs: LogSink;
}

/**
 * The embedded default: each app runs as a child process of the deployer, behind a small
 * Host-header router. `apply` fetches the commit (so a bad commit or an unreachable repo
 * is answered before the request is acked), records the intent on disk, and starts the
 * rollout in the background; it reports ready or failed through the RolloutReporter.
 * On start it re-launches what was running and resumes what was rolling out.
 */
export class LocalRuntime implements Runtime {
  readonly kind = 'local';
  readonly router: AppRouter;
  private readonly state: LocalState;
  private readonly apps = new Map<string, LocalApp>();
  private reporter: RolloutReporter | undefined;
  routerPort = 0;

  constructor(
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly o: LocalRuntimeOptions,
  ) {
    this.router = new AppRouter(o.appsDomain, logger);
    this.state = new LocalState(o.appsDir);
  }

  async start(reporter: RolloutReporter): Promise<void> {
    this.reporter = reporter;
    this.routerPort = await this.router.listen(this.o.routerPort, this.o.routerHost);
    this.logger.info({ port: this.routerPort, domain: this.o.appsDomain }, 'app router listening');
    for (const name of await this.state.apps()) {
      const s = await this.state.read(name);
      const app = this.app(name);
      if (s.ready) app.relaunch(s.ready);
      if (s.pending && s.pending.revision > (s.ready?.revision ?? 0)) app.rollout(s.pending);
    }
  }

  async apply(t: DeployTarget): Promise<ApplyOutcome> {
    const s = await this.state.read(t.app);
    const newest = Math.max(s.ready?.revision ?? 0, s.pending?.revision ?? 0);
    if (newest > t.revision) return { kind: 'stale', runningRevision: newest };
    const dir = this.state.checkoutDir(t.app, t.revision);
    await checkoutCommit(t.cloneUrl, t.commit, dir, appGitCredential(this.o.gitReadSecret, t.app));
    const launch: Launch = { ...t, dir };
    await this.state.write({ ...s, pending: launch });
    this.app(t.app).rollout(launch);
    return { kind: 'accepted' };
  }

  async remove(t: RemoveTarget): Promise<ApplyOutcome> {
    const s = await this.state.read(t.app);
    const newest = Math.max(s.ready?.revision ?? 0, s.pending?.revision ?? 0);
    if (newest > t.revision) return { kind: 'stale', runningRevision: newest };
    await this.apps.get(t.app)?.stop();
    this.apps.delete(t.app);
    this.router.delete(t.app);
    await this.state.remove(t.app);
    return { kind: 'removed' };
  }

  async logs(app: string, tail: number): Promise<AppLogLine[]> {
    return this.apps.get(app)?.output.tail(tail) ?? [];
  }

  async stop(): Promise<void> {
    await Promise.all([...this.apps.values()].map((a) => a.stop()));
    await this.router.close();
  }

  private app(name: string): LocalApp {
    let app = this.apps.get(name);
    if (!app) {
      const output = new AppOutput(name, this.o.logs, this.clock, this.logger);
      app = new LocalApp(name, output, this.router, this.state, this.clock, this.logger, this.o.instance, (event) => this.report(event));
      this.apps.set(name, app);
    }
    return app;
  }

  /** Reports a rollout's end, retrying while Redis is away (a restart must not strand a deploy). */
  private async report(event: Parameters<RolloutReporter['report']>[0]): Promise<void> {
    await runWithContext({ deployId: event.deployId, app: event.app }, async () => {
      for (let attempt = 1, delay = 500; ; attempt++, delay = Math.min(delay * 2, 10_000)) {
        try {
          await this.reporter?.report(event);
          return;
        } catch (error) {
          if (attempt >= 20) return void this.logger.error({ err: error, phase: event.phase }, 'could not report the rollout outcome; giving up');
          this.logger.warn({ err: error, phase: event.phase, attempt }, 'could not report the rollout outcome; retrying');
          await new Promise((r) => setTimeout(r, delay));
        }
      }
    });
  }
}

