// The IDE in a real headless Chromium against the platform as `npm run up` starts it.
// One browser at a time (2-core machines); deploys make these slow, hence the timeout.
import { jestConfig } from '../../jest.preset.js';

const base = jestConfig(import.meta.dirname, 'int');

export default {
  ...base,
  displayName: 'e2e/ide',
  testMatch: ['<rootDir>/**/*.e2e-spec.ts'],
  testTimeout: 300_000,
  maxWorkers: 1,
};
