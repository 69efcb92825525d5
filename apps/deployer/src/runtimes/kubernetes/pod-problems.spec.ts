import { podProblem, summarizePod, type PodSummary } from './pod-problems';

const pod = (containers: PodSummary['containers'], deleting = false): PodSummary => ({ namespace: 'apps-0', name: 'app-x-1', instance: 'app-x', revision: 3, deleting, containers });
const c = (o: Partial<PodSummary['containers'][0]>) => ({ name: 'app', init: false, ready: false, restartCount: 0, ...o });

describe('podProblem', () => {
  it('names a crash loop of the app, and of the clone step', () => {
    expect(podProblem([pod([c({ waitingReason: 'CrashLoopBackOff', restartCount: 4 })])], 0, 60_000)).toMatchObject({ reason: 'crash-loop', container: 'app' });
    const clone = podProblem([pod([c({ name: 'clone', init: true, waitingReason: 'CrashLoopBackOff' })])], 0, 60_000);
    expect(clone?.message).toContain('fetching your code');
  });

  it('reports image pull problems before anything else', () => {
    const p = podProblem([pod([c({ waitingReason: 'CrashLoopBackOff' })]), pod([c({ waitingReason: 'ImagePullBackOff', waitingMessage: 'not found' })])], 0, 60_000);
    expect(p).toMatchObject({ reason: 'image-pull' });
  });

  it('reports a failing readiness probe only after the configured time', () => {
    const running = [pod([c({ runningSince: 1_000 })])];
    expect(podProblem(running, 30_000, 60_000)).toBeUndefined();
    expect(podProblem(running, 61_000, 60_000)).toMatchObject({ reason: 'probe-failing' });
  });

  it('ignores pods being deleted and healthy pods', () => {
    expect(podProblem([pod([c({ waitingReason: 'CrashLoopBackOff' })], true)], 0, 1)).toBeUndefined();
    expect(podProblem([pod([c({ ready: true, runningSince: 0 })])], 10_000_000, 1)).toBeUndefined();
  });
});

describe('summarizePod', () => {
  it('keeps only pods of managed apps with a revision', () => {
    expect(summarizePod({ metadata: { name: 'p', namespace: 'n', labels: {} } })).toBeUndefined();
    const s = summarizePod({
      metadata: { name: 'p', namespace: 'n', labels: { 'app.kubernetes.io/instance': 'app-x' }, annotations: { 'imad.dev/revision': '4' } },
      status: { containerStatuses: [{ name: 'app', image: 'i', imageID: '', ready: false, restartCount: 2, state: { waiting: { reason: 'CrashLoopBackOff' } } }] },
    });
    expect(s).toMatchObject({ instance: 'app-x', revision: 4, containers: [{ name: 'app', waitingReason: 'CrashLoopBackOff', restartCount: 2 }] });
  });
});
