import { describe, expect, test } from '@jest/globals';
import type { DeployStatus } from './deploy-status';
import { statusText } from './status-text';

const status = (over: Partial<DeployStatus>): DeployStatus => ({
  deployId: 'd_12345678',
  app: 'ada',
  revision: 3,
  commit: '0123456789abcdef0123456789abcdef01234567',
  phase: 'queued',
  at: '2026-01-01T00:00:00.000Z',
  ...over,
});

describe('status line text', () => {
  test('before any deploy, it says how to start', () => {
    expect(statusText(null)).toMatchObject({ phase: 'none', tone: 'idle', headline: 'Not deployed yet' });
  });

  test('queued says where the student is in the queue', () => {
    expect(statusText(status({ queuePosition: 12 })).headline).toBe('Queued — 12 deploys ahead of you');
    expect(statusText(status({ queuePosition: 1 })).headline).toBe('Queued — 1 deploy ahead of you');
    expect(statusText(status({ queuePosition: 0 })).headline).toBe('Queued — you are next');
    expect(statusText(status({})).headline).toBe('Queued');
  });

  test('a rush is mentioned only when there is a queue ahead', () => {
    expect(statusText(status({ queuePosition: 40 })).detail).toMatch(/Many students/);
    expect(statusText(status({})).detail).not.toMatch(/Many students/);
  });

  test('applying and rolling out are busy and name the save', () => {
    expect(statusText(status({ phase: 'applying' }))).toMatchObject({ tone: 'busy', headline: 'Preparing your app…' });
    expect(statusText(status({ phase: 'applying' })).detail).toContain('0123456');
    expect(statusText(status({ phase: 'rolling-out' }))).toMatchObject({ tone: 'busy', headline: 'Starting your app…' });
  });

  test('ready carries the app link', () => {
    expect(statusText(status({ phase: 'ready', url: 'http://ada.apps.localhost:8081/' }))).toMatchObject({ tone: 'ok', headline: 'Live', url: 'http://ada.apps.localhost:8081/' });
  });

  test('failed uses the server sentence when there is one, else explains the reason', () => {
    expect(statusText(status({ phase: 'failed', reason: 'crash-loop', message: 'Your app crashed: boom' })).detail).toBe('Your app crashed: boom');
    expect(statusText(status({ phase: 'failed', reason: 'probe-failing' })).detail).toMatch(/process\.env\.PORT/);
    expect(statusText(status({ phase: 'failed', reason: 'internal' })).detail).toMatch(/not your fault/);
    expect(statusText(status({ phase: 'failed' }))).toMatchObject({ tone: 'error', headline: 'Deploy failed' });
  });

  test('superseded and removed are explained', () => {
    expect(statusText(status({ phase: 'superseded' })).headline).toBe('Replaced by a newer deploy');
    expect(statusText(status({ phase: 'removed' })).headline).toBe('App stopped');
  });
});
