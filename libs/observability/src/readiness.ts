/**
 * What `/readyz` asks. Each dependency (RabbitMQ, Redis, …) registers a check;
 * the service is ready only when all pass. Checks must be cheap: they read a
 * connection flag, they do not open connections.
 */
export type ReadinessCheck = () => boolean | Promise<boolean>;

export class Readiness {
  private readonly checks = new Map<string, ReadinessCheck>();
  private shuttingDown = false;

  register(name: string, check: ReadinessCheck): void {
    this.checks.set(name, check);
  }

  /** Once shutdown starts, report not-ready so load balancers stop sending work. */
  markShuttingDown(): void {
    this.shuttingDown = true;
  }

  async evaluate(): Promise<{ ready: boolean; checks: Record<string, boolean> }> {
    const checks: Record<string, boolean> = {};
    for (const [name, check] of this.checks) {
      try {
        checks[name] = await check();
      } catch {
        checks[name] = false;
      }
    }
    if (this.shuttingDown) checks.shutdown = false;
    return { ready: Object.values(checks).every(Boolean), checks };
  }
}
