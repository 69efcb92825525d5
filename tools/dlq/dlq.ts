// Dead-letter queues for operators: what is in `<queue>.dlq` and why, and sending it back.
//   npm run dlq -- list <queue> [--limit=20]      (leaves the messages where they are)
//   npm run dlq -- replay <queue> [--limit=N]     (back to <queue> as fresh messages)
// AMQP_URL selects the broker (default amqp://guest:guest@127.0.0.1:5672). Example queues:
// deployer.requests, repo.user-registered; `rabbitmqctl list_queues name messages | grep dlq` lists them all.
import { connect } from 'amqplib';
import { peekDeadLetters, replayDeadLetters, type DeadLetter } from '@imad/messaging';

const [command, queue, ...rest] = process.argv.slice(2);
const limitArg = rest.find((a) => a.startsWith('--limit='))?.slice('--limit='.length);
const limit = limitArg === undefined ? undefined : Number(limitArg);
if ((command !== 'list' && command !== 'replay') || !queue || (limit !== undefined && !(Number.isInteger(limit) && limit > 0))) {
  console.error('usage: npm run dlq -- list <queue> [--limit=20]\n       npm run dlq -- replay <queue> [--limit=N]\n(<queue> is the work queue, e.g. deployer.requests; its DLQ is <queue>.dlq)');
  process.exit(2);
}

const url = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const conn = await connect(url).catch((error: Error) => {
  console.error(`cannot reach RabbitMQ at ${url.replace(/\/\/[^@]*@/, '//***@')}: ${error.message}. Start it (scripts/infra.sh up) or set AMQP_URL.`);
  process.exit(1);
});
const show = (d: DeadLetter) =>
  console.log(JSON.stringify({ messageId: d.messageId, type: d.type, code: d.code, reason: d.reason, queue: d.queue, attempt: d.attempt, deadLetteredAt: d.deadLetteredAt, body: d.body }));
// A missing queue closes the channel that asked (404); that is reported below, not thrown as an event.
conn.on('error', () => undefined);
try {
  const probe = await conn.createChannel();
  probe.on('error', () => undefined);
  const exists = await probe.checkQueue(`${queue}.dlq`).then(() => true, () => false);
  if (!exists) {
    console.error(`there is no queue ${queue}.dlq on this broker: check the name (the work queue's, without .dlq)`);
    process.exitCode = 1;
  } else if (command === 'list') {
    const seen = await peekDeadLetters(await conn.createChannel(), queue, limit ?? 20);
    seen.forEach(show);
    console.error(`${seen.length} dead letter(s) shown from ${queue}.dlq (left in place)`);
  } else {
    const replayed = await replayDeadLetters(await conn.createConfirmChannel(), queue, limit ?? Infinity);
    replayed.forEach(show);
    console.error(`${replayed.length} dead letter(s) sent back to their queue`);
  }
} finally {
  await conn.close().catch(() => undefined);
}
