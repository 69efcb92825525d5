import type { DeployPhase, DeployStatus, FailureReason } from './deploy-status';

export type Tone = 'idle' | 'busy' | 'ok' | 'error';

/** What the status line says: a short headline, an optional sentence, and a colour. */
export interface StatusText {
  phase: DeployPhase | 'none';
  tone: Tone;
  headline: string;
  detail?: string;
  url?: string;
}

const reasons: Record<FailureReason, string> = {
  'crash-loop': 'Your app stopped with an error each time it started.',
  'probe-failing': 'Your app started but did not answer web requests. Does it listen on process.env.PORT?',
  'image-pull': 'The platform could not prepare the runtime. This is not your fault: try again in a minute.',
  invalid: 'Your project could not be deployed as it is (check package.json).',
  timeout: 'Your app took too long to start.',
  internal: 'Something went wrong on our side. This is not your fault: try again in a minute.',
};

/** Turn a deploy status into words a student new to programming can act on. */
export function statusText(status: DeployStatus | null | undefined): StatusText {
  if (!status) return { phase: 'none', tone: 'idle', headline: 'Not deployed yet', detail: 'Press Deploy to put your app online.' };
  const short = status.commit ? ` (save ${status.commit.slice(0, 7)})` : '';
  switch (status.phase) {
    case 'queued':
      return {
        phase: 'queued',
        tone: 'busy',
        headline: `Queued${queueText(status.queuePosition)}`,
        detail: status.queuePosition ? 'Many students are deploying right now; yours starts soon.' : 'Waiting for a deployer to pick it up.',
      };
    case 'applying':
      return { phase: 'applying', tone: 'busy', headline: 'Preparing your app…', detail: `Fetching your code${short} and installing packages.` };
    case 'rolling-out':
      return { phase: 'rolling-out', tone: 'busy', headline: 'Starting your app…', detail: 'Waiting for it to answer its first request.' };
    case 'ready':
      return { phase: 'ready', tone: 'ok', headline: 'Live', detail: `Your app${short} is online.`, url: status.url };
    case 'failed':
      return {
        phase: 'failed',
        tone: 'error',
        headline: 'Deploy failed',
        detail: status.message || (status.reason ? reasons[status.reason] : 'The deploy did not finish.'),
      };
    case 'superseded':
      return { phase: 'superseded', tone: 'busy', headline: 'Replaced by a newer deploy', detail: 'Only your latest deploy goes live.' };
    case 'removed':
      return { phase: 'removed', tone: 'idle', headline: 'App stopped', detail: 'Press Deploy to put it online again.' };
  }
}

function queueText(position: number | undefined): string {
  if (position === undefined) return '';
  if (position <= 0) return ' — you are next';
  return ` — ${position} ${position === 1 ? 'deploy' : 'deploys'} ahead of you`;
}

/** The explanation for a failure reason, for the deploy panel. */
export function reasonText(reason: FailureReason | undefined): string | undefined {
  return reason ? reasons[reason] : undefined;
}
