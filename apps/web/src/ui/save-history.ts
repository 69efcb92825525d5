import type { CommitSummary } from '../api/types';
import { h, replaceChildren } from './dom';
import { timeAgo } from './time-ago';

/** The Saves pane: every save is a commit; newest first. */
export class SaveHistory {
  readonly element: HTMLElement;
  private readonly list = h('ol', { class: 'history-list', 'data-testid': 'save-history', 'aria-labelledby': 'saves-heading' });

  constructor() {
    this.element = h(
      'section',
      { class: 'pane saves', 'aria-labelledby': 'saves-heading' },
      h('div', { class: 'pane-header' }, h('h2', { id: 'saves-heading', class: 'pane-title' }, 'Saves')),
      this.list,
    );
  }

  render(commits: readonly CommitSummary[], head: string): void {
    if (!commits.length) {
      replaceChildren(this.list, h('li', { class: 'history-empty' }, 'No saves yet.'));
      return;
    }
    replaceChildren(
      this.list,
      commits.map((c) =>
        h(
          'li',
          { class: 'history-item', 'data-testid': 'save-item', 'data-commit': c.id },
          h('span', { class: 'history-main' }, h('span', { class: 'history-message' }, c.message), c.id === head ? h('span', { class: 'muted small' }, ' (current)') : null),
          h('span', { class: 'muted small' }, h('code', {}, c.id.slice(0, 7)), ' · ', h('time', { datetime: c.at, title: c.at }, timeAgo(c.at))),
        ),
      ),
    );
  }
}
