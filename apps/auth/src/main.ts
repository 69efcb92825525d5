import { configOrExit, startService } from '@imad/bootstrap';
import { createAppModule } from './app.module';
import { loadServiceConfig } from './config';

const config = configOrExit('auth', () => loadServiceConfig());
await startService({ name: 'auth', port: config.HTTP_PORT, module: (logger) => createAppModule(config, logger) });
