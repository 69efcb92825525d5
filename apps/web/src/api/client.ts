import { request } from './http';
import type { CommitRequest, CommitResult, CommitSummary, DeployAccepted, Deploys, FileBody, LogLine, Me, Tree } from './types';

const q = (params: Record<string, string | number | undefined>) =>
  Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');

/** The gateway's browser API, one function per route. */
export const api = {
  me: () => request<Me>('GET', '/api/me'),
  tree: () => request<Tree>('GET', '/api/workspace/tree'),
  file: (path: string, commit?: string) => request<FileBody>('GET', `/api/workspace/file?${q({ path, commit })}`),
  commit: (body: CommitRequest) => request<CommitResult>('POST', '/api/workspace/commits', body),
  history: async (limit = 30): Promise<CommitSummary[]> => {
    const body = await request<{ commits: CommitSummary[] } | CommitSummary[]>('GET', `/api/workspace/history?${q({ limit })}`);
    return Array.isArray(body) ? body : (body?.commits ?? []);
  },
  deploy: (commit?: string) => request<DeployAccepted>('POST', '/api/deploys', commit ? { commit } : {}),
  /** `history` lists status transitions (several per deploy): ask for the most the gateway gives. */
  deploys: async (): Promise<Deploys> => {
    const body = await request<Partial<Deploys>>('GET', `/api/deploys?${q({ limit: 100 })}`);
    return { current: body?.current ?? null, history: body?.history ?? [] };
  },
  logs: async (tail = 200): Promise<LogLine[]> => (await request<{ lines: LogLine[] }>('GET', `/api/app/logs?${q({ tail })}`))?.lines ?? [],
  signOut: () => request<unknown>('POST', '/auth/signout'),
};
