import type { V1Deployment } from '@kubernetes/client-node';
import { rolloutState } from './rollout-rules';
import { hasNewPods } from './tracked-deployment';

const d = (generation: number, status: V1Deployment['status'], replicas = 1): V1Deployment => ({ metadata: { generation }, spec: { replicas, selector: {}, template: {} }, status });

describe('rolloutState (kubectl rollout status rules)', () => {
  it('waits until the controller observed the current generation', () => {
    expect(rolloutState(d(3, { observedGeneration: 2, updatedReplicas: 1, replicas: 1, availableReplicas: 1 })).state).toBe('progressing');
  });

  it('is ready once every replica is updated, old ones are gone and updated ones are available', () => {
    expect(rolloutState(d(2, { observedGeneration: 2, updatedReplicas: 1, replicas: 1, availableReplicas: 1 }))).toEqual({ state: 'ready' });
  });

  it('keeps waiting while updating, while old replicas terminate, and while new ones are not available', () => {
    expect(rolloutState(d(2, { observedGeneration: 2, updatedReplicas: 0, replicas: 1, availableReplicas: 1 })).state).toBe('progressing');
    expect(rolloutState(d(2, { observedGeneration: 2, updatedReplicas: 1, replicas: 2, availableReplicas: 1 }))).toMatchObject({ message: '1 old replicas are pending termination' });
    expect(rolloutState(d(2, { observedGeneration: 2, updatedReplicas: 1, replicas: 1, availableReplicas: 0 })).state).toBe('progressing');
  });

  it('fails with timeout when the progress deadline passed', () => {
    const s = rolloutState(
      d(2, { observedGeneration: 2, updatedReplicas: 1, replicas: 1, conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: 'ReplicaSet "x" has timed out progressing.' }] }),
    );
    expect(s).toEqual({ state: 'timeout', message: 'ReplicaSet "x" has timed out progressing.' });
  });
});

describe('hasNewPods (when looking at pods can tell anything)', () => {
  it('is false until the controller observed the spec and made a pod of it', () => {
    expect(hasNewPods(d(2, { observedGeneration: 1, updatedReplicas: 1 }))).toBe(false);
    expect(hasNewPods(d(2, { observedGeneration: 2, updatedReplicas: 0, replicas: 1 }))).toBe(false);
    expect(hasNewPods(d(2, undefined))).toBe(false);
  });

  it('is true once a pod of the current spec exists, ready or not', () => {
    expect(hasNewPods(d(2, { observedGeneration: 2, updatedReplicas: 1, availableReplicas: 0 }))).toBe(true);
  });
});
