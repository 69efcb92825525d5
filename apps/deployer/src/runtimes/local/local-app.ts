import type { Logger } from '@imad/observability';
import { runWithContext } from '@imad/observability';
import type { Clock } from '@imad/status';
import { isDeployFailure } from '../../core/deploy-failure';
import type { DeployTarget, RolloutEvent } from '../../core/runtime.port';
import { AppInstance, type InstanceOptions } from './app-instance';
import type { AppOutput } from '../app-output';
import type { AppRouter } from './app-router';
import type { LocalState } from './local-state';
import { installDependencies } from './npm-install';
import { freePort } from './ports';
import { startCommand } from './start-command';

export type Launch = DeployTarget & { dir: string };

/**
 * One app on the local runtime: the instance that serves, at most one rollout at a time
 * (a newer one cancels an older one still starting), and the app's output. Rollouts of
 * one app run one after the other.
 */
export class LocalApp {
  private serving: AppInstance | undefined;
  private current: { revision: number; cancelled: boolean; instance?: AppInstance } | undefined;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly name: string,
    readonly output: AppOutput,
    private readonly router: AppRouter,
    private readonly state: LocalState,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: InstanceOptions,
    private readonly report: (event: RolloutEvent) => Promise<void>,
  ) {}

  rollout(t: Launch): void {
    this.cancelCurrent();
    const run = { revision: t.revision, cancelled: false } as NonNullable<LocalApp['current']>;
    this.current = run;
    this.chain = this.chain
      .then(() => runWithContext({ deployId: t.deployId, app: t.app }, () => this.roll(t, run)))
      .catch((error) => this.logger.error({ err: error, app: this.name }, 'local rollout failed unexpectedly'));
  }

  /** After a deployer restart: start what was serving, without a new status. */
  relaunch(t: Launch): void {
    this.chain = this.chain.then(async () => {
      const instance = await this.instance(t);
      if (!instance) return;
      this.route(instance);
      const result = await instance.launch();
      if (result.ok) this.serving = instance;
      else this.output.system(`could not restart revision ${t.revision} after a platform restart: ${result.message}`);
    });
  }

  async stop(): Promise<void> {
    this.cancelCurrent();
    await this.chain;
    await this.serving?.stop();
    this.serving = undefined;
    await this.output.flush();
  }

  private cancelCurrent(): void {
    if (!this.current) return;
    this.current.cancelled = true;
    if (this.current.instance !== this.serving) void this.current.instance?.stop();
  }

  private async roll(t: Launch, run: NonNullable<LocalApp['current']>): Promise<void> {
    if (run.cancelled) return;
    const event = { app: t.app, revision: t.revision, deployId: t.deployId, commit: t.commit, requestedAt: t.requestedAt };
    this.output.system(`deploying revision ${t.revision} (commit ${t.commit.slice(0, 12)})`);
    const instance = await this.instance(t, event);
    if (!instance || run.cancelled) return void (await instance?.stop());
    run.instance = instance;
    if (!this.serving) this.route(instance);
    const result = await instance.launch();
    if (run.cancelled) return void (await instance.stop());
    const s = await this.state.read(t.app);
    if (!result.ok) {
      await instance.stop();
      if (!this.serving) this.router.set(t.app, { state: 'down' });
      await this.state.write({ ...s, pending: undefined });
      await this.state.prune(t.app, s.ready ? [s.ready.revision] : []);
      await this.output.flush();
      return this.report({ ...event, phase: 'failed', reason: result.reason, message: result.message, logTail: result.logTail });
    }
    const old = this.serving;
    this.serving = instance;
    run.instance = undefined; // serving now: a later rollout must not cancel it
    this.route(instance);
    await old?.stop();
    await this.state.write({ app: t.app, ready: t });
    await this.state.prune(t.app, [t.revision]);
    await this.report({ ...event, phase: 'ready' });
  }

  /** Dependencies, start command and port; a failure here is reported (when `event` is given). */
  private async instance(t: Launch, event?: Omit<RolloutEvent, 'phase'>): Promise<AppInstance | undefined> {
    try {
      const installed = await installDependencies(t.dir, this.state.npmCacheDir, (line) => this.output.push('stdout', line));
      if (installed !== 'none') this.output.system(installed === 'cached' ? 'dependencies unchanged; reused' : 'dependencies installed');
      const cmd = await startCommand(t.dir);
      return new AppInstance(t.revision, t.dir, cmd, await freePort(), this.output, this.clock, this.options);
    } catch (error) {
      if (!event || !isDeployFailure(error)) throw error;
      await this.output.flush();
      await this.report({ ...event, phase: 'failed', reason: error.reason, message: error.message, logTail: error.logTail });
      return undefined;
    }
  }

  private route(instance: AppInstance): void {
    this.router.set(this.name, {
      get state() {
        return instance.state === 'running' ? 'running' : 'starting';
      },
      port: instance.port,
    });
  }
}
