/**
 * Every Redis key and channel of the status store (docs/WORKSPACE.md "Redis keys").
 * All per-app, so one app's traffic never touches another's keys.
 */
export const statusKeys = (app: string) => {
  const base = `imad:app:${app}`;
  return {
    /** Hash: `revision` (per-app counter) and `state` (DesiredState JSON). Latest request wins. */
    desired: `${base}:desired`,
    /** String: the current DeployStatus JSON (the newest revision's latest phase). */
    status: `${base}:status`,
    /** Stream: every transition, bounded (MAXLEN ~). Field `s` = DeployStatus JSON. */
    history: `${base}:history`,
    /**
     * Hash: revision → "rank|phase|deployId", the furthest phase each deploy reached.
     * Lets the Lua refuse a second terminal phase or a step backwards for any deploy,
     * not only the current one. Trimmed to the last ~500 revisions.
     */
    revisions: `${base}:revisions`,
    /** List: the app's last output lines (AppLogLine JSON), bounded. */
    logTail: `${base}:logtail`,
    /** Pub/sub channel of DeployStatus JSON. */
    statusChannel: `${base}:status`,
    /** Pub/sub channel of AppLogLine JSON, one message per line. */
    logChannel: `${base}:logs`,
  };
};

/** The app named by a status or log channel, or undefined for any other channel. */
export function appOfChannel(channel: string): { app: string; kind: 'status' | 'logs' } | undefined {
  const m = /^imad:app:(.+):(status|logs)$/.exec(channel);
  return m ? { app: m[1]!, kind: m[2] as 'status' | 'logs' } : undefined;
}
