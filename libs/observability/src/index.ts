export { currentContext, enrichContext, runWithContext, type LogContext } from './context';
export { createLogger, NestPinoLogger, type Logger } from './logger';
export { createMetricsRegistry } from './metrics';
export { LOGGER, ObservabilityModule } from './observability.module';
export { Readiness, type ReadinessCheck } from './readiness';
export { requestIdMiddleware } from './request-id.middleware';
