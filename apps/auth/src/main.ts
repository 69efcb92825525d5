import { configOrExit, startService } from '@imad/bootstrap';
import { createAppModule } from './app.module';
import { loadServiceConfig } from './config';
import { AUTH_BODY_LIMIT, configureHttp } from './http/configure';

const config = configOrExit('auth', () => loadServiceConfig());
await startService({
  name: 'auth',
  port: config.HTTP_PORT,
  bodyLimit: AUTH_BODY_LIMIT,
  module: (logger) => createAppModule(config, logger),
  configure: (app, logger) => configureHttp(app, config, logger),
});
