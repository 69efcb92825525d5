import { type BeforeApplicationShutdown, type DynamicModule, Global, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Registry } from 'prom-client';
import { LOGGER, Readiness, type Logger } from '@imad/observability';
import { AmqpConnection, type ConnectionOptions } from './connection';
import { ConsumerHost } from './consumer-host';
import { MessagingMetrics } from './metrics';
import { Publisher } from './publisher';
import { RpcClient } from './rpc-client';
import { RpcServer } from './rpc-server';

export interface MessagingModuleOptions extends Omit<ConnectionOptions, 'logger'> {
  /** Default per-consumer prefetch (messages in flight per queue); 10 if omitted. */
  prefetch?: number;
  /** How long shutdown waits for running handlers before returning their messages. */
  shutdownTimeoutMs?: number;
}

/** Start on init; at shutdown stop consumers first (Nest runs every beforeApplicationShutdown), then close. */
export class MessagingLifecycle implements OnModuleInit, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    private readonly connection: AmqpConnection,
    private readonly consumers: ConsumerHost,
    private readonly rpcServer: RpcServer,
    private readonly options: MessagingModuleOptions,
    readiness?: Readiness,
  ) {
    readiness?.register('rabbitmq', () => connection.isConnected);
  }

  async onModuleInit(): Promise<void> {
    await this.connection.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    const timeout = this.options.shutdownTimeoutMs ?? 25_000;
    await Promise.all([this.consumers.stop(timeout), this.rpcServer.stop(timeout)]);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}

@Global()
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingModuleOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [
        {
          provide: AmqpConnection,
          useFactory: (logger?: Logger) => new AmqpConnection({ ...options, logger }),
          inject: [{ token: LOGGER, optional: true }],
        },
        { provide: MessagingMetrics, useFactory: (registry?: Registry) => new MessagingMetrics(registry), inject: [{ token: Registry, optional: true }] },
        { provide: Publisher, useFactory: (c: AmqpConnection, m: MessagingMetrics) => new Publisher(c, m), inject: [AmqpConnection, MessagingMetrics] },
        {
          provide: ConsumerHost,
          useFactory: (c: AmqpConnection, m: MessagingMetrics) => new ConsumerHost(c, { prefetch: options.prefetch }, m),
          inject: [AmqpConnection, MessagingMetrics],
        },
        { provide: RpcClient, useFactory: (c: AmqpConnection, m: MessagingMetrics) => new RpcClient(c, m), inject: [AmqpConnection, MessagingMetrics] },
        { provide: RpcServer, useFactory: (c: AmqpConnection) => new RpcServer(c, { prefetch: options.prefetch }), inject: [AmqpConnection] },
        {
          provide: MessagingLifecycle,
          useFactory: (c: AmqpConnection, h: ConsumerHost, s: RpcServer, readiness?: Readiness) => new MessagingLifecycle(c, h, s, options, readiness),
          inject: [AmqpConnection, ConsumerHost, RpcServer, { token: Readiness, optional: true }],
        },
      ],
      exports: [AmqpConnection, Publisher, ConsumerHost, RpcClient, RpcServer, MessagingMetrics],
    };
  }
}
