import { configOrExit, startService } from '@imad/bootstrap';
import { createAppModule } from './app.module';
import { loadServiceConfig } from './config';

const config = configOrExit('deployer', () => loadServiceConfig());
await startService({ name: 'deployer', port: config.HTTP_PORT, module: (logger) => createAppModule(config, logger) });
