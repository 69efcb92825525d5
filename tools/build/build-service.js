// Usage: node tools/build/build-service.js <app>  → dist/apps/<app>/main.js
import path from 'node:path';
import { bundle } from './bundle.js';

const app = process.argv[2];
if (!app) {
  console.error('usage: node tools/build/build-service.js <app-name>');
  process.exit(2);
}
const repoRoot = path.resolve(import.meta.dirname, '../..');
const outfile = path.join(repoRoot, 'dist/apps', app, 'main.js');
await bundle({ entry: path.join(repoRoot, 'apps', app, 'src/main.ts'), outfile });
console.log(`built ${path.relative(repoRoot, outfile)}`);
