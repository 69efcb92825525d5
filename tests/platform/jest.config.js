import { jestConfig } from '../../jest.preset.js';

// Runs against the platform as `npm run up` starts it (scripts/test.sh does that first).
export default { ...jestConfig(import.meta.dirname, 'int'), testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'] };
