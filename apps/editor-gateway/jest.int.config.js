import { jestConfig } from '../../jest.preset.js';

const base = jestConfig(import.meta.dirname, 'int');

// One RabbitMQ vhost per run, shared by the test files (see test/support/vhost.ts).
export default {
  ...base,
  globalSetup: '<rootDir>/test/support/global-setup.js',
  globalTeardown: '<rootDir>/test/support/global-teardown.js',
};
