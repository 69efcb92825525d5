import { expect, test } from '@jest/globals';
import { parseLive } from './live-socket';

test('reads status frames, including "no status yet"', () => {
  const status = { deployId: 'd_12345678', app: 'ada', revision: 1, phase: 'ready', at: '2026-01-01T00:00:00Z' };
  expect(parseLive(JSON.stringify({ type: 'status', status }))).toEqual({ type: 'status', status });
  expect(parseLive(JSON.stringify({ type: 'status', status: null }))).toEqual({ type: 'status', status: null });
});

test('reads log frames as objects or plain strings', () => {
  const line = { at: '2026-01-01T00:00:00Z', stream: 'stderr', line: 'Error: boom' };
  expect(parseLive(JSON.stringify({ type: 'log', line }))).toEqual({ type: 'log', line });
  expect(parseLive(JSON.stringify({ type: 'log', line: 'hi' }))).toEqual({ type: 'log', line: { line: 'hi' } });
});

test('reads the notice that log lines were skipped', () => {
  expect(parseLive(JSON.stringify({ type: 'log-gap', dropped: 12 }))).toEqual({ type: 'log-gap', dropped: 12 });
});

test('ignores what it does not understand', () => {
  expect(parseLive('{"type":"pong"}')).toBeNull();
  expect(parseLive('not json')).toBeNull();
  expect(parseLive(JSON.stringify({ type: 'hello' }))).toBeNull();
  expect(parseLive(JSON.stringify({ type: 'log', line: 42 }))).toBeNull();
});
