import { configOrExit, startService } from '@imad/bootstrap';
import { createAppModule } from './app.module';
import { loadServiceConfig } from './config';
import { configureGateway } from './configure';

const config = configOrExit('editor-gateway', () => loadServiceConfig());
await startService({
  name: 'editor-gateway',
  port: config.HTTP_PORT,
  // Saves carry whole files; the repo service enforces its own per-file and per-commit limits.
  bodyLimit: '5mb',
  module: (logger) => createAppModule(config, logger),
  configure: (app) => configureGateway(app),
});
