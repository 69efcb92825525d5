/**
 * Where the platform is: `IMAD_URL`, or what `npm run up` (scripts/up.sh) prints by default.
 * These tests do not start anything: they expect the platform to be up, and say so if not.
 */
export const imadUrl = (process.env.IMAD_URL ?? 'http://localhost:8080').replace(/\/+$/, '');

export async function expectPlatformUp(): Promise<void> {
  let status: number;
  try {
    status = (await fetch(`${imadUrl}/signin.html`, { signal: AbortSignal.timeout(10_000) })).status;
  } catch (e) {
    throw new Error(`The platform is not reachable at ${imadUrl} (${(e as Error).message}). Start it with \`npm run up\` (or set IMAD_URL).`, { cause: e });
  }
  if (status !== 200) throw new Error(`${imadUrl}/signin.html answered ${status}: is the IDE built (dist/apps/web) and served by editor-gateway?`);
}

/** A username nobody has yet (auth: 3-39 letters, digits, hyphens). */
export function uniqueUsername(prefix = 'e2e'): string {
  return `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export const password = 'correct-horse-battery-staple';
