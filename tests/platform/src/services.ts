/** The services `npm run up` starts, with the ports scripts/platform-env.sh gives them. */
export const services = [
  { name: 'auth', port: 3001 },
  { name: 'repo', port: 3002 },
  { name: 'deployer', port: 3003 },
  { name: 'editor-gateway', port: Number(process.env.GATEWAY_PORT ?? 8080) },
];

export const baseUrl = (port: number) => `http://127.0.0.1:${port}`;

export async function readyStatus(port: number): Promise<{ status: number; body: { checks?: Record<string, boolean> } }> {
  const res = await fetch(`${baseUrl(port)}/readyz`);
  return { status: res.status, body: await res.json() };
}

/** When the process started (prom-client's default metric): equal before and after means no restart. */
export async function processStartTime(port: number): Promise<string> {
  const text = await (await fetch(`${baseUrl(port)}/metrics`)).text();
  const match = /^process_start_time_seconds\{[^}]*\} (\S+)$/m.exec(text);
  if (!match) throw new Error(`no process_start_time_seconds in /metrics on :${port}`);
  return match[1];
}
