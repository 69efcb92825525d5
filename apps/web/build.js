// Builds the browser IDE into static files that editor-gateway serves:
//   dist/apps/web/index.html, signin.html   (no-cache: they name the current assets)
//   dist/apps/web/assets/*-<hash>.{js,css}  (content-hashed: cache forever, `immutable`)
// Usage: node apps/web/build.js [--dev]   (--dev: no minification, for reading the output)
//
// esbuild compiles the TypeScript and bundles Ace; each page is one entry point and shared
// code is split into a chunk. Ace's syntax-check workers are emitted as hashed files too
// (imported with a `?url` suffix) so they load from our own origin, not a CDN.
import * as esbuild from 'esbuild';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const projectDir = import.meta.dirname;
const repoRoot = path.resolve(projectDir, '../..');
const outdir = path.join(repoRoot, 'dist/apps/web');
const dev = process.argv.includes('--dev');
const require = createRequire(import.meta.url);

/** `import url from 'pkg/file.js?url'` → the emitted file's public URL (a string). */
const urlImports = {
  name: 'url-imports',
  setup(build) {
    build.onResolve({ filter: /\?url$/ }, (args) => ({
      path: require.resolve(args.path.slice(0, -'?url'.length), { paths: [args.resolveDir] }),
      namespace: 'url-import',
    }));
    build.onLoad({ filter: /.*/, namespace: 'url-import' }, async (args) => ({
      contents: await readFile(args.path),
      loader: 'file',
    }));
  },
};

/** page name → entry module; each page's HTML template is src/pages/<page>.html. */
const pages = { index: 'src/ide/main.ts', signin: 'src/signin/main.ts' };

await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });

const result = await esbuild.build({
  absWorkingDir: projectDir,
  entryPoints: Object.fromEntries(Object.entries(pages).map(([page, entry]) => [page, entry])),
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'browser',
  target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
  entryNames: 'assets/[name]-[hash]',
  chunkNames: 'assets/chunk-[hash]',
  assetNames: 'assets/[name]-[hash]',
  publicPath: '/',
  minify: !dev,
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
  plugins: [urlImports],
  define: { 'process.env.NODE_ENV': JSON.stringify(dev ? 'development' : 'production') },
});

// Find each page's emitted JS and CSS in the metafile and write its HTML.
for (const [page, entry] of Object.entries(pages)) {
  const [jsOut, meta] = Object.entries(result.metafile.outputs).find(([, o]) => o.entryPoint === entry) ?? [];
  if (!jsOut) throw new Error(`no output for ${entry}`);
  const js = '/' + path.relative(outdir, path.resolve(projectDir, jsOut)).split(path.sep).join('/');
  const css = meta.cssBundle ? '/' + path.relative(outdir, path.resolve(projectDir, meta.cssBundle)).split(path.sep).join('/') : null;
  const tags = [
    css ? `<link rel="stylesheet" href="${css}">` : '',
    `<script type="module" src="${js}"></script>`,
  ].filter(Boolean).join('\n    ');
  const template = await readFile(path.join(projectDir, 'src/pages', `${page}.html`), 'utf8');
  if (!template.includes('<!-- assets -->')) throw new Error(`src/pages/${page}.html lacks the <!-- assets --> marker`);
  await writeFile(path.join(outdir, `${page}.html`), template.replace('<!-- assets -->', tags));
}

const files = Object.keys(result.metafile.outputs).filter((f) => !f.endsWith('.map'));
console.log(`built ${path.relative(repoRoot, outdir)}: ${Object.keys(pages).map((p) => `${p}.html`).join(', ')} + ${files.length} assets`);
