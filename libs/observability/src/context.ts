import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Correlation fields carried through async work so every log line names the request,
 * message or deploy it belongs to, without passing a logger around.
 */
export interface LogContext {
  requestId?: string;
  messageId?: string;
  deployId?: string;
  userId?: string;
  app?: string;
}

const storage = new AsyncLocalStorage<LogContext>();

export function runWithContext<T>(context: LogContext, fn: () => T): T {
  return storage.run({ ...storage.getStore(), ...context }, fn);
}

export function currentContext(): LogContext {
  return storage.getStore() ?? {};
}

/** Adds fields to the current context (e.g. the user once the session is resolved). */
export function enrichContext(fields: LogContext): void {
  const store = storage.getStore();
  if (store) Object.assign(store, fields);
}
