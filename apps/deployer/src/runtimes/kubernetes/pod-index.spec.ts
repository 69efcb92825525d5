import type { V1Pod } from '@kubernetes/client-node';
import { PodIndex } from './pod-index';

const pod = (name: string, revision: number): V1Pod => ({
  metadata: { name, namespace: 'apps-0', labels: { 'app.kubernetes.io/instance': 'app-a' }, annotations: { 'imad.dev/revision': String(revision) } },
  status: { containerStatuses: [] },
});

describe('PodIndex', () => {
  it("keeps an app's pods by revision, replaces them with a fresh list, and drops them", () => {
    const index = new PodIndex();
    index.replace('apps-0/app-a', [pod('p1', 1), pod('p2', 2)]);
    expect(index.of('apps-0/app-a', 2).map((p) => p.name)).toEqual(['p2']);
    index.replace('apps-0/app-a', [pod('p3', 2)]);
    expect(index.of('apps-0/app-a', 2).map((p) => p.name)).toEqual(['p3']);
    expect(index.of('apps-0/app-a', 1)).toEqual([]);
    index.drop('apps-0/app-a');
    expect(index.of('apps-0/app-a', 2)).toEqual([]);
  });

  it('ignores pods that are not managed app pods', () => {
    const index = new PodIndex();
    expect(index.apply('ADDED', { metadata: { name: 'x', namespace: 'apps-0' } })).toBeUndefined();
  });
});
