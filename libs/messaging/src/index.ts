export { AmqpConnection, type ConnectHook, type ConnectionOptions } from './connection';
export { ConsumerHost, type ConsumeOptions, type SubscribeOptions } from './consumer-host';
export type { Handler } from './delivery';
export { describeDeadLetter, peekDeadLetters, replayDeadLetters, type DeadLetter } from './dead-letters';
export { DeadLetterError, describeError, MessagingErrors } from './errors';
export { H as MessagingHeaders, type DeadLetterReason } from './headers';
export { MessagingLifecycle, MessagingModule, type MessagingModuleOptions } from './messaging.module';
export { MessagingMetrics } from './metrics';
export { Publisher, type PublishOptions } from './publisher';
export { DEFAULT_RETRY_POLICY, retryDelay, retryQueueName, retryQueues, type RetryPolicy } from './retry-policy';
export { RpcClient } from './rpc-client';
export { RpcServer, type RpcHandler } from './rpc-server';
export {
  DEAD_LETTER_EXCHANGE,
  deadLetterQueueName,
  DEFAULT_DELIVERY_LIMIT,
  DEPLOY_EXCHANGE,
  DEPLOY_QUEUE,
  DEPLOY_ROUTING_KEY,
  EVENTS_EXCHANGE,
  rpcQueueName,
} from './topology';
