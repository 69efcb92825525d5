import type { NestExpressApplication } from '@nestjs/platform-express';
import { setupOpenApi } from './openapi/setup-openapi';

/**
 * What has to be done on the application object rather than in the module: the OpenAPI
 * document is built from the registered controllers. main.ts and the integration tests
 * both call this, so tests run the gateway as it runs in production.
 */
export function configureGateway(app: NestExpressApplication): void {
  app.set('trust proxy', 'loopback');
  setupOpenApi(app);
}
