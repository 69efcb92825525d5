import type { DeployStatus } from '../deploy/deploy-status';
import { statusText } from '../deploy/status-text';
import type { LiveState } from '../live/live-socket';
import { h, replaceChildren } from './dom';

/**
 * The line under the toolbar that always says where the app stands: its deploy phase
 * (with the app's link once live) and whether live updates are connected.
 * `data-phase` and `data-deploy-id` let tests and styles follow it.
 */
export class StatusLine {
  readonly element = h('div', { class: 'statusline', 'data-testid': 'status-line', 'data-phase': 'none' });
  private readonly phase = h('div', { class: 'status-phase', role: 'status', 'aria-live': 'polite' });
  private readonly connection = h('div', { class: 'status-connection', 'data-testid': 'live-connection' });

  constructor() {
    this.element.append(this.phase, this.connection);
    this.render(null);
  }

  render(status: DeployStatus | null): void {
    const t = statusText(status);
    this.element.dataset.phase = t.phase;
    this.element.dataset.tone = t.tone;
    this.element.dataset.deployId = status?.deployId ?? '';
    replaceChildren(
      this.phase,
      h('span', { class: `status-dot tone-${t.tone}`, 'aria-hidden': 'true' }),
      h('strong', { class: 'status-headline', 'data-testid': 'status-headline' }, t.headline),
      t.detail ? h('span', { class: 'status-detail' }, t.detail) : null,
      t.url ? h('a', { class: 'status-link', href: t.url, target: '_blank', rel: 'noopener', 'data-testid': 'status-app-link' }, `Open ${t.url.replace(/\/$/, '')} ↗`) : null,
    );
  }

  connectionState(state: LiveState): void {
    this.connection.dataset.state = state.state;
    if (state.state === 'open') this.connection.textContent = '';
    else if (state.state === 'connecting') this.connection.textContent = 'Connecting for live updates…';
    else this.connection.textContent = `Live updates paused — retrying in ${Math.ceil(state.retryInMs / 1000)} s`;
  }
}
