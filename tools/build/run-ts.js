// Runs a TypeScript script (benchmarks, dev tools) without a separate build step:
//   node tools/build/run-ts.js bench/messaging/run.ts [args...]
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundle } from './bundle.js';

const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node tools/build/run-ts.js <file.ts> [args...]');
  process.exit(2);
}
const repoRoot = path.resolve(import.meta.dirname, '../..');
// Output inside the repo so bare imports resolve against its node_modules.
const dir = await mkdtemp(path.join(repoRoot, 'node_modules/.cache/run-ts-'));
const outfile = path.join(dir, `${path.basename(entry, '.ts')}.js`);
await bundle({ entry: path.resolve(entry), outfile });
process.argv = [process.argv[0], outfile, ...rest];
try {
  await import(pathToFileURL(outfile).href);
} finally {
  await rm(dir, { recursive: true, force: true });
}
