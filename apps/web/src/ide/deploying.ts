import { api } from '../api/client';
import { ApiError } from '../api/http';
import type { DeployStatus } from '../deploy/deploy-status';
import { isTerminal, latestPerDeploy, supersedes } from '../deploy/deploy-status';
import { LiveMessage, LiveSocket } from '../live/live-socket';
import { DeployPanel } from '../ui/deploy-panel';
import { LogPanel } from '../ui/log-panel';
import { StatusLine } from '../ui/status-line';
import type { Ide } from './ide';

/**
 * Deploy button, live status, app log and deploy history. The status shown is whatever the
 * server says over `/api/live` (it sends the current state first on every connect), so a
 * reload or a dropped connection never leaves the student looking at a stale phase.
 */
export class DeployController {
  readonly statusLine = new StatusLine();
  readonly panel: DeployPanel;
  readonly logs = new LogPanel();
  private status: DeployStatus | null = null;
  private history: DeployStatus[] = [];
  private live: LiveSocket | undefined;
  private requesting = false;
  private historyTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly ide: Ide) {
    this.panel = new DeployPanel((commit) => void this.deploy(commit));
  }

  async start(): Promise<void> {
    const [deploys, lines] = await Promise.all([api.deploys().catch(() => null), api.logs(200).catch(() => [])]);
    this.logs.replace(lines);
    if (deploys) {
      this.history = latestPerDeploy(deploys.history);
      this.apply(deploys.current, { quiet: true });
      this.panel.renderHistory(this.history, this.status);
    } else this.panel.renderHistory([], null);
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/live`;
    let connectedOnce = false;
    this.live = new LiveSocket(url, {
      message: (m) => this.onLive(m),
      state: (s) => {
        this.statusLine.connectionState(s);
        if (s.state === 'open') {
          // Lines printed while we were away: fetch the tail again (the socket only streams new ones).
          if (connectedOnce) void api.logs(200).then((l) => this.logs.replace(l)).catch(() => undefined);
          connectedOnce = true;
        }
      },
      shouldReconnect: async () => {
        try {
          await api.me();
          return true;
        } catch (e) {
          return !(e instanceof ApiError && e.signedOut);
        }
      },
    });
    this.live.start();
    window.addEventListener('online', () => this.live?.reconnectNow());
  }

  /** After signing in again in another tab: reconnect at once. */
  reconnect(): void {
    this.live?.reconnectNow();
  }

  /** Deploy the last save (saving first if needed), or redeploy an earlier `commit`. */
  async deploy(commit?: string): Promise<void> {
    const { ide } = this;
    if (this.requesting) return;
    if (!commit && ide.ws.isDirty()) {
      ide.announcer.show('Saving your changes first…');
      if (!(await ide.saver.save())) return;
    }
    this.requesting = true;
    ide.deployButton.setAttribute('aria-busy', 'true');
    ide.deployButton.textContent = 'Deploying…';
    try {
      const target = commit ?? ide.ws.head;
      const accepted = await api.deploy(target);
      const status: DeployStatus =
        typeof accepted.status === 'object' && accepted.status
          ? accepted.status
          : { deployId: accepted.deployId, revision: accepted.revision, app: ide.me.appName, commit: target, phase: 'queued', at: new Date().toISOString() };
      this.apply(status);
      if (commit) ide.announcer.show(`Redeploying save ${commit.slice(0, 7)}…`);
      this.refreshHistorySoon(0);
    } catch (e) {
      const err = e as ApiError;
      if (!err.signedOut) ide.announcer.show(`Deploy not started: ${err.message}`, 'error');
    } finally {
      this.requesting = false;
      ide.deployButton.removeAttribute('aria-busy');
      ide.deployButton.textContent = 'Deploy';
    }
  }

  private onLive(m: LiveMessage): void {
    if (m.type === 'log') this.logs.add(m.line);
    else if (m.type === 'log-gap') this.logs.add({ stream: 'system', line: `… ${m.dropped} lines skipped (your app printed faster than they could be shown)` });
    else this.apply(m.status);
  }

  private apply(status: DeployStatus | null, opts: { quiet?: boolean } = {}): void {
    if (status && !supersedes(status, this.status)) return;
    if (!status && this.status) return; // "no status" never hides a known one
    const previous = this.status;
    this.status = status;
    this.statusLine.render(status);
    this.panel.renderCurrent(status, this.logs.recent(12));
    if (!status) return;
    const changed = !previous || previous.deployId !== status.deployId || previous.phase !== status.phase;
    if (!changed) return;
    this.upsertHistory(status);
    // The status line announces phases itself (aria-live); no toasts on top of it.
    if (isTerminal(status.phase)) {
      this.refreshHistorySoon(500);
      if (!opts.quiet && status.phase === 'failed' && !status.logTail?.length) void this.fillFailureLog(status);
    }
  }

  /** A failure without log lines: fetch the app's last output so the reason is visible. */
  private async fillFailureLog(status: DeployStatus): Promise<void> {
    const lines = await api.logs(50).catch(() => []);
    if (lines.length && this.status === status) {
      this.logs.replace(lines);
      this.panel.renderCurrent(status, this.logs.recent(12));
    }
  }

  private upsertHistory(status: DeployStatus): void {
    const i = this.history.findIndex((d) => d.deployId === status.deployId);
    if (i >= 0) this.history[i] = status;
    else this.history.unshift(status);
    this.panel.renderHistory(this.history, this.status);
  }

  private refreshHistorySoon(ms: number): void {
    clearTimeout(this.historyTimer);
    this.historyTimer = setTimeout(async () => {
      const deploys = await api.deploys().catch(() => null);
      if (!deploys) return;
      // Keep what the socket told us about deploys the history has not caught up with yet.
      this.history = latestPerDeploy([...deploys.history, ...this.history.filter((d) => d.deployId === this.status?.deployId)]);
      this.panel.renderHistory(this.history, this.status);
    }, ms);
  }
}
