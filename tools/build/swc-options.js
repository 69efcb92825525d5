// One swc configuration for tests, builds and scripts, so decorator metadata
// (which NestJS dependency injection reads) is emitted the same way everywhere.
// esbuild alone cannot emit `design:paramtypes`, hence swc in front of it.
export const swcOptions = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'es6' },
  sourceMaps: 'inline',
};
