// The layers of the workspace, checked by `npm run lint` (dependency-cruiser).
//   gateway: resolvers → services → domain / db
//   domain:  pure rules; imports only itself and decimal.js
// Paths are relative to the repository root; packages resolve through
// node_modules (pnpm's real paths), so `@tandem/domain` is packages/domain/dist.
const PNPM_PACKAGE = (name) => `(^|/)node_modules/${name.replace(/[.]/g, '\\.')}/`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'resolvers-only-from-schema',
      comment: 'Resolvers and field resolvers (*.resolver.ts, *.fields.ts) are wired into the schema in one place, src/schema.ts. Nothing else calls them: share logic through a service.',
      severity: 'error',
      // Services have their own rule below, with its own message.
      from: { pathNot: ['^apps/gateway/src/schema\\.ts$', '\\.service\\.ts$'] },
      to: { path: '^apps/gateway/src/.+\\.(resolver|fields)\\.ts$' },
    },
    {
      name: 'services-below-resolvers',
      comment:
        'A service is a use case below the GraphQL layer: it may return the GraphQL type and input classes (*.type.ts, *.input.ts) but never imports a resolver, a field resolver, or type-graphql itself (declaring the schema is for type, input and resolver files).',
      severity: 'error',
      from: { path: '\\.service\\.ts$' },
      to: { path: ['\\.(resolver|fields)\\.ts$', PNPM_PACKAGE('type-graphql')] },
    },
    {
      name: 'resolvers-above-persistence',
      comment: 'Resolvers are thin: they read arguments and call a service (or a loader through the context). The ORM, the driver and src/db are for services and loaders.',
      severity: 'error',
      from: { path: '^apps/gateway/src/.+\\.(resolver|fields)\\.ts$' },
      to: { path: ['^apps/gateway/src/db/', PNPM_PACKAGE('@mikro-orm/[^/]+'), PNPM_PACKAGE('pg')] },
    },
    {
      name: 'persistence-below-services',
      comment: 'src/db, entities and loaders are the bottom layer of the gateway: they never import a service or a resolver.',
      severity: 'error',
      from: { path: ['^apps/gateway/src/db/', '\\.(entity|loaders)\\.ts$'] },
      to: { path: '\\.(service|resolver|fields)\\.ts$' },
    },
    {
      name: 'domain-is-pure',
      comment: 'A domain rule imports only other domain files and decimal.js: no ORM, GraphQL, database, Node I/O or gateway code (its tests may use test tools).',
      severity: 'error',
      from: { path: '^packages/domain/src/', pathNot: '\\.test\\.ts$' },
      to: { pathNot: ['^packages/domain/src/', PNPM_PACKAGE('decimal.js')] },
    },
    {
      name: 'domain-knows-no-gateway',
      comment: 'Nothing in packages/domain, tests included, imports gateway or client code: the dependency points one way.',
      severity: 'error',
      from: { path: '^packages/domain/' },
      to: { path: ['^apps/', '^packages/client/'] },
    },
    {
      name: 'domain-through-its-index',
      comment: 'Outside the domain, import `@tandem/domain` (its index.ts is the public surface), never a file inside the package.',
      severity: 'error',
      from: { pathNot: '^packages/domain/' },
      to: { path: '^packages/domain/', pathNot: '^packages/domain/dist/index\\.(js|d\\.ts)$' },
    },
    {
      name: 'gateway-runs-on-its-dependencies',
      comment: "The gateway's code imports only packages listed in the `dependencies` of apps/gateway/package.json (dev and root packages are not installed in production).",
      severity: 'error',
      from: { path: '^apps/gateway/src/' },
      to: { dependencyTypes: ['npm-dev', 'npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'gateway-not-to-client',
      comment: "packages/client holds the clients' typed documents; the gateway's tests use them, its code never does.",
      severity: 'error',
      from: { path: '^apps/gateway/src/' },
      to: { path: '^packages/client/' },
    },
    {
      name: 'code-not-to-tests',
      comment: 'Production code never imports a test or test support file.',
      severity: 'error',
      from: { path: '^(apps|packages)/[^/]+/src/', pathNot: '\\.test\\.ts$' },
      to: { path: ['^(apps|packages)/[^/]+/test/', '\\.test\\.ts$'] },
    },
    {
      name: 'no-circular',
      comment:
        'Modules import each other in one direction. Allowed: cycles through type-only imports (erased at compile time) and between MikroORM entities (bidirectional relations, resolved lazily by `() => Entity`).',
      severity: 'error',
      from: { pathNot: '\\.entity\\.ts$' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve to a file or an installed package (for @tandem/* packages: run the build first).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // Packages and the workspace packages' build output are dependencies, not cruised themselves.
    doNotFollow: { path: ['(^|/)node_modules/', '^(apps|packages)/[^/]+/dist/'] },
    exclude: { path: ['^packages/client/src/generated/'] },
    // Type-only imports count: a layer may not even name the types of a layer above it.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['main', 'types', 'typings'],
    },
  },
};
