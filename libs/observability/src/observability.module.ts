import { DynamicModule, Global, Module } from '@nestjs/common';
import { Registry } from 'prom-client';
import type { Logger } from 'pino';
import { HealthController } from './health.controller';
import { createMetricsRegistry } from './metrics';
import { Readiness } from './readiness';

export const LOGGER = Symbol('LOGGER');

/** Health, readiness, metrics and the logger for one service. */
@Global()
@Module({})
export class ObservabilityModule {
  static forService(service: string, logger: Logger): DynamicModule {
    return {
      module: ObservabilityModule,
      controllers: [HealthController],
      providers: [
        { provide: Readiness, useValue: new Readiness() },
        { provide: Registry, useValue: createMetricsRegistry(service) },
        { provide: LOGGER, useValue: logger },
      ],
      exports: [Readiness, Registry, LOGGER],
    };
  }
}
