import { configOrExit, startService } from '@imad/bootstrap';
import { createAppModule } from './app.module';
import { loadServiceConfig } from './config';

const config = configOrExit('editor-gateway', () => loadServiceConfig());
await startService({ name: 'editor-gateway', port: config.HTTP_PORT, module: (logger) => createAppModule(config, logger) });
