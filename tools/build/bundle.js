// Bundles one TypeScript entry point (and the @imad/* libs it imports) into a
// single ES module. npm packages stay external: they are installed beside it.
// swc compiles each .ts file first because esbuild cannot emit decorator metadata.
import { transform } from '@swc/core';
import * as esbuild from 'esbuild';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { swcOptions } from './swc-options.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');

const swcPlugin = {
  name: 'swc-decorators',
  setup(build) {
    build.onResolve({ filter: /^@imad\/[a-z0-9-]+$/ }, (args) => ({
      path: path.join(repoRoot, 'libs', args.path.slice('@imad/'.length), 'src/index.ts'),
    }));
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const out = await transform(source, { ...swcOptions, filename: args.path, sourceMaps: 'inline' });
      return { contents: out.code, loader: 'js', resolveDir: path.dirname(args.path) };
    });
  },
};

export async function bundle({ entry, outfile }) {
  await esbuild.build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [swcPlugin],
    banner: { js: "import { createRequire as __imadCreateRequire } from 'node:module'; const require = __imadCreateRequire(import.meta.url);" },
  });
  return outfile;
}
