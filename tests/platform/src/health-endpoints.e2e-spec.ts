import { baseUrl, services } from './services';

describe.each(services)('$name as started by npm run up', ({ port }) => {
  it('answers /healthz with 200', async () => {
    const res = await fetch(`${baseUrl(port)}/healthz`);
    expect(res.status).toBe(200);
  });

  it('is ready with its RabbitMQ and Redis connections up', async () => {
    const res = await fetch(`${baseUrl(port)}/readyz`);
    const body = await res.json();
    expect(res.status).toBe(200);
    expect(body.checks).toMatchObject({ rabbitmq: true, redis: true });
  });

  it('serves Prometheus metrics', async () => {
    const res = await fetch(`${baseUrl(port)}/metrics`);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toMatch(/^# HELP process_cpu_user_seconds_total/m);
  });

  it('echoes a request id so a log line can be found', async () => {
    const res = await fetch(`${baseUrl(port)}/healthz`, { headers: { 'x-request-id': 'probe-123' } });
    expect(res.headers.get('x-request-id')).toBe('probe-123');
  });
});
