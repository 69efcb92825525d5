/**
 * How long the gateway waits for `repo`. Reads are quick on both hosts; a commit on GitHub
 * is several API calls (blobs, tree, commit, ref update), so writes get longer before
 * the browser hears RPC.TIMEOUT (504) — and the IDE keeps the edits to retry.
 */
export const RPC_TIMEOUT_MS = { read: 8_000, write: 20_000 } as const;
