import { repoPathProblem, type FileChangeInput } from '@imad/contracts';
import { RepoErrors } from './repo-errors';

/** A validated save: paths checked, contents decoded and within limits, no path twice. */
export type Change =
  | { op: 'upsert'; path: string; content: Buffer }
  | { op: 'delete'; path: string }
  | { op: 'rename'; from: string; to: string };

export interface ChangeSet {
  changes: Change[];
  /** Every path the save reads or writes (both sides of a rename): what a conflict is checked on. */
  touched: string[];
}

export interface SaveLimits {
  maxFileBytes: number;
  maxFilesPerCommit: number;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Turns the RPC's changes into a ChangeSet or throws the first problem, before anything
 * touches a repository — so a bad save changes nothing. Shared by both GitHost adapters.
 */
export function buildChangeSet(input: FileChangeInput[], limits: SaveLimits): ChangeSet {
  if (input.length === 0) throw RepoErrors.invalidChange('a save needs at least one change');
  if (input.length > limits.maxFilesPerCommit) throw RepoErrors.tooManyFiles(limits.maxFilesPerCommit, input.length);
  const changes = input.map((change, i) => toChange(change, i, limits));
  const touched = changes.flatMap((c) => (c.op === 'rename' ? [c.from, c.to] : [c.path]));
  const seen = new Set<string>();
  for (const path of touched) {
    if (seen.has(path)) throw RepoErrors.invalidChange(`${path} appears more than once in one save`, { path });
    seen.add(path);
  }
  // A path cannot be both a file and a directory in the same tree.
  for (const path of touched) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      if (seen.has(dir)) throw RepoErrors.invalidChange(`${dir} cannot be a file and the folder of ${path} at once`, { path: dir });
    }
  }
  return { changes, touched };
}

export function checkPath(field: string, path: string): string {
  const problem = repoPathProblem(path);
  if (problem) throw RepoErrors.invalidPath(field, path, problem);
  return path;
}

function toChange(change: FileChangeInput, i: number, limits: SaveLimits): Change {
  const field = `changes[${i}]`;
  switch (change.op) {
    case 'delete':
      return { op: 'delete', path: checkPath(`${field}.path`, change.path) };
    case 'rename': {
      const from = checkPath(`${field}.from`, change.from);
      const to = checkPath(`${field}.to`, change.to);
      if (from === to) throw RepoErrors.invalidChange(`renaming ${from} to itself changes nothing`, { path: from });
      return { op: 'rename', from, to };
    }
    case 'upsert': {
      const path = checkPath(`${field}.path`, change.path);
      return { op: 'upsert', path, content: decode(path, change.content, change.encoding ?? 'utf8', limits.maxFileBytes) };
    }
  }
}

function decode(path: string, content: string, encoding: 'utf8' | 'base64', maxBytes: number): Buffer {
  if (encoding === 'utf8') {
    const size = Buffer.byteLength(content, 'utf8');
    if (size > maxBytes) throw RepoErrors.fileTooLarge(path, maxBytes, size);
    return Buffer.from(content, 'utf8');
  }
  // Checked before decoding: Buffer.from silently drops what is not base64.
  const estimate = Math.floor((content.length * 3) / 4);
  if (estimate > maxBytes + 2) throw RepoErrors.fileTooLarge(path, maxBytes, estimate);
  if (!BASE64.test(content)) throw RepoErrors.invalidChange(`the content of ${path} is not valid base64`, { path });
  const bytes = Buffer.from(content, 'base64');
  if (bytes.length > maxBytes) throw RepoErrors.fileTooLarge(path, maxBytes, bytes.length);
  return bytes;
}
