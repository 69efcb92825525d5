export { configOrExit, startService, type ServiceOptions } from './start-service';
