export { createRedis, isRedisReady } from './create-redis';
