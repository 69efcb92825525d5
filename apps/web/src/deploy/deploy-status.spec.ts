import { expect, test } from '@jest/globals';
import { DeployStatus, isTerminal, latestPerDeploy, supersedes } from './deploy-status';

const s = (revision: number, phase: DeployStatus['phase'], deployId = `d_rev0000${revision}`): DeployStatus => ({ deployId, app: 'ada', revision, phase, at: '2026-01-01T00:00:00Z' });

test('a newer revision replaces the shown status; an older one arriving late does not', () => {
  expect(supersedes(s(2, 'queued'), s(1, 'ready'))).toBe(true);
  expect(supersedes(s(1, 'ready'), s(2, 'queued'))).toBe(false);
});

test('within a deploy, a terminal phase is not undone by a late earlier phase', () => {
  expect(supersedes(s(2, 'rolling-out'), s(2, 'ready'))).toBe(false);
  expect(supersedes(s(2, 'ready'), s(2, 'rolling-out'))).toBe(true);
});

test('within a deploy, the phase never moves backwards (a late 202 "queued" after "applying")', () => {
  expect(supersedes(s(2, 'queued'), s(2, 'applying'))).toBe(false);
  expect(supersedes(s(2, 'applying'), s(2, 'rolling-out'))).toBe(false);
  expect(supersedes(s(2, 'rolling-out'), s(2, 'applying'))).toBe(true);
  expect(supersedes({ ...s(2, 'queued'), queuePosition: 3 }, s(2, 'queued'))).toBe(true);
});

test('anything replaces nothing', () => {
  expect(supersedes(s(1, 'queued'), null)).toBe(true);
});

test('ready, failed, superseded and removed end a deploy', () => {
  expect(['ready', 'failed', 'superseded', 'removed'].every((p) => isTerminal(p as DeployStatus['phase']))).toBe(true);
  expect(isTerminal('applying')).toBe(false);
});

test('the deploy list shows each deploy once, in its latest phase, newest first', () => {
  const at = (sec: number) => `2026-01-01T00:00:${String(sec).padStart(2, '0')}Z`;
  const history: DeployStatus[] = [
    { ...s(2, 'failed'), at: at(9) },
    { ...s(2, 'rolling-out'), at: at(8) },
    { ...s(2, 'queued'), at: at(6) },
    { ...s(1, 'ready'), at: at(5) },
    { ...s(1, 'applying'), at: at(2) },
  ];
  expect(latestPerDeploy(history).map((d) => [d.revision, d.phase])).toEqual([[2, 'failed'], [1, 'ready']]);
});
