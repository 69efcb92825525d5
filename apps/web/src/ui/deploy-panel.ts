import { DeployStatus, isTerminal } from '../deploy/deploy-status';
import { reasonText, statusText } from '../deploy/status-text';
import { h, replaceChildren } from './dom';
import { timeAgo } from './time-ago';

/**
 * The Deploys pane: details of the latest deploy (on failure: why, and the last lines the
 * app printed) and the history, each entry with a Redeploy button for that save.
 */
export class DeployPanel {
  readonly element: HTMLElement;
  private readonly details = h('div', { class: 'deploy-details', 'data-testid': 'deploy-details' });
  private readonly list = h('ol', { class: 'history-list', 'data-testid': 'deploy-history', 'aria-labelledby': 'deploys-heading' });

  constructor(private readonly redeploy: (commit: string) => void) {
    this.element = h(
      'section',
      { class: 'pane deploys', 'aria-labelledby': 'deploys-heading' },
      h('div', { class: 'pane-header' }, h('h2', { id: 'deploys-heading', class: 'pane-title' }, 'Deploys')),
      this.details,
      this.list,
    );
  }

  /** `fallbackLog`: recent app output, shown when a failure carries no log lines itself. */
  renderCurrent(status: DeployStatus | null, fallbackLog: readonly string[]): void {
    this.details.dataset.phase = status?.phase ?? 'none';
    if (!status || status.phase !== 'failed') {
      replaceChildren(this.details);
      this.details.hidden = true;
      return;
    }
    const t = statusText(status);
    const lines = status.logTail?.length ? status.logTail : fallbackLog.slice(-12);
    const reason = reasonText(status.reason);
    this.details.hidden = false;
    replaceChildren(
      this.details,
      h('p', { class: 'deploy-failed-title' }, h('strong', {}, 'Why it failed: '), t.detail ?? ''),
      // The server's sentence says it already; the generic explanation only fills in for it.
      reason && !status.message && reason !== t.detail ? h('p', { class: 'muted' }, reason) : null,
      lines.length
        ? [h('p', { class: 'muted small' }, 'Last lines your app printed:'), h('pre', { class: 'log-tail', 'data-testid': 'deploy-log-tail', tabindex: '0', 'aria-label': 'Last lines your app printed' }, lines.join('\n'))]
        : null,
      h('p', { class: 'muted small' }, 'Fix the code, save, and press Deploy again.'),
    );
  }

  renderHistory(history: readonly DeployStatus[], current: DeployStatus | null): void {
    if (!history.length) {
      replaceChildren(this.list, h('li', { class: 'history-empty' }, 'No deploys yet.'));
      return;
    }
    replaceChildren(
      this.list,
      history.slice(0, 30).map((d) => {
        const t = statusText(d);
        const short = d.commit?.slice(0, 7);
        const isCurrent = current?.deployId === d.deployId;
        return h(
          'li',
          { class: 'history-item', 'data-testid': 'deploy-item', 'data-phase': d.phase, 'data-commit': d.commit ?? '' },
          h('span', { class: `badge tone-${t.tone}` }, d.phase),
          h('span', { class: 'history-main' }, short ? h('code', {}, short) : '—', isCurrent ? h('span', { class: 'muted small' }, ' (latest)') : null),
          h('time', { class: 'muted small', datetime: d.at, title: d.at }, timeAgo(d.at)),
          d.commit && !(isCurrent && !isTerminal(d.phase))
            ? h('button', { type: 'button', class: 'btn btn-small', 'data-testid': 'redeploy-button', 'aria-label': `Redeploy save ${short}`, onclick: () => this.redeploy(d.commit as string) }, 'Redeploy')
            : null,
        );
      }),
    );
  }
}
