// Shared jest configuration. Every project has `jest.config.js` (unit: *.spec.ts)
// and, when it talks to real servers, `jest.int.config.js` (integration: *.int-spec.ts).
// Tests run as native ES modules (node --experimental-vm-modules) because NestJS 12,
// @kubernetes/client-node 2 and Octokit ship ESM only.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { swcOptions } from './tools/build/swc-options.js';

const repoRoot = import.meta.dirname;
// Each run writes a JSON report here (see nx.json); jest does not create the folder.
mkdirSync(path.join(repoRoot, 'test-output/jest'), { recursive: true });

export function jestConfig(projectDir, kind = 'unit') {
  const integration = kind === 'int';
  return {
    rootDir: projectDir,
    displayName: `${path.relative(repoRoot, projectDir)}${integration ? ' (int)' : ''}`,
    testEnvironment: 'node',
    testMatch: integration ? ['<rootDir>/**/*.int-spec.ts'] : ['<rootDir>/**/*.spec.ts'],
    testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    extensionsToTreatAsEsm: ['.ts'],
    moduleNameMapper: {
      '^@imad/([a-z0-9-]+)$': `${repoRoot}/libs/$1/src/index.ts`,
    },
    transform: { '^.+\\.ts$': ['@swc/jest', swcOptions] },
    // Integration tests share one RabbitMQ/Redis/API server; generous but bounded.
    testTimeout: integration ? 120_000 : 10_000,
    maxWorkers: integration ? 1 : '50%',
    cacheDirectory: path.join(repoRoot, 'node_modules/.cache/jest'),
  };
}
