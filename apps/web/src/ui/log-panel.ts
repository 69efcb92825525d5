import type { LogLine } from '../api/types';
import { h, replaceChildren } from './dom';

const maxLines = 1000;

/**
 * Output of the running app. Follows new lines while scrolled to the bottom; scrolling up
 * pauses following so a student can read, and "Follow" resumes it.
 */
export class LogPanel {
  readonly element: HTMLElement;
  private readonly output = h('pre', { class: 'log-output', tabindex: '0', 'aria-labelledby': 'logs-heading', 'data-testid': 'log-panel' });
  private readonly followButton: HTMLButtonElement;
  private lines: LogLine[] = [];
  private follow = true;

  constructor() {
    this.followButton = h('button', { type: 'button', class: 'btn btn-small', 'aria-pressed': 'true', onclick: () => this.setFollow(!this.follow) }, 'Follow');
    this.element = h(
      'section',
      { class: 'logs', 'aria-labelledby': 'logs-heading' },
      h(
        'div',
        { class: 'pane-header' },
        h('h2', { id: 'logs-heading', class: 'pane-title' }, 'App log'),
        h('div', { class: 'pane-actions' }, this.followButton, h('button', { type: 'button', class: 'btn btn-small', onclick: () => this.clear() }, 'Clear')),
      ),
      this.output,
    );
    this.output.addEventListener('scroll', () => {
      const atBottom = this.output.scrollTop + this.output.clientHeight >= this.output.scrollHeight - 4;
      if (atBottom !== this.follow) this.setFollow(atBottom);
    });
    this.renderAll();
  }

  replace(lines: readonly LogLine[]): void {
    this.lines = lines.slice(-maxLines);
    this.renderAll();
  }

  add(line: LogLine): void {
    this.lines.push(line);
    const overflow = this.lines.length > maxLines;
    if (overflow) this.lines.shift();
    if (overflow || this.output.querySelector('.log-empty')) this.renderAll();
    else this.output.append(renderLine(line));
    if (this.follow) this.output.scrollTop = this.output.scrollHeight;
  }

  recent(n: number): string[] {
    return this.lines.slice(-n).map((l) => l.line);
  }

  focus(): void {
    this.output.focus();
  }

  private clear(): void {
    this.lines = [];
    this.renderAll();
  }

  private setFollow(on: boolean): void {
    this.follow = on;
    this.followButton.setAttribute('aria-pressed', String(on));
    if (on) this.output.scrollTop = this.output.scrollHeight;
  }

  private renderAll(): void {
    if (!this.lines.length) replaceChildren(this.output, h('span', { class: 'log-empty' }, 'Your app’s output (console.log) appears here once it runs.'));
    else replaceChildren(this.output, this.lines.map(renderLine));
    if (this.follow) this.output.scrollTop = this.output.scrollHeight;
  }
}

function renderLine(l: LogLine): HTMLElement {
  const stream = l.stream === 'stderr' || l.stream === 'system' ? ` log-${l.stream}` : '';
  return h('span', { class: `log-line${stream}`, 'data-testid': 'log-line' }, l.line, '\n');
}
