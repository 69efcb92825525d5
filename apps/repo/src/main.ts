import { configOrExit, startService } from '@imad/bootstrap';
import { createAppModule } from './app.module';
import { loadServiceConfig } from './config';

const config = configOrExit('repo', () => loadServiceConfig());
await startService({ name: 'repo', port: config.HTTP_PORT, module: (logger) => createAppModule(config, logger) });
