export { amqpUrl, eventually, infra, redisUrl, repoRoot, uniqueName } from './infra';
