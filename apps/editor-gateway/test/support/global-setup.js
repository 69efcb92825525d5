// Jest globalSetup of the gateway's integration tests: one RabbitMQ vhost per run (see
// vhost.ts for why a vhost at all). Creating one costs an Erlang VM boot (seconds), so the
// test files share it; each file resets the queues it uses when it starts.
import { createVhost } from './vhost-ctl.js';

export default async function setup() {
  const { name, url } = await createVhost();
  process.env.GW_TEST_VHOST = name;
  process.env.GW_TEST_AMQP_URL = url;
}
