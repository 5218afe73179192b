import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * The client contract's operations that the schema serves so far. Each contract
 * file joins this list when the issue that implements it lands; the drift test
 * validates exactly these against schema/schema.graphql.
 */
export const activeOperations = [
  'schema/operations/auth.graphql',
  'schema/operations/customers.graphql',
  'schema/operations/catalog.graphql',
  'schema/operations/orders.graphql',
  'schema/operations/receivables.graphql',
  'schema/operations/alerts.graphql',
  'schema/operations/crm.graphql',
  'schema/operations/backoffice.graphql',
  // The web client's own operations (not part of the contract).
  'schema/operations/web.graphql',
];

const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: activeOperations,
  ignoreNoDocuments: false,
  // Relative imports with .js, so the package's ESM build runs in Node as well as in bundlers.
  emitLegacyCommonJSImports: false,
  generates: {
    'packages/client/src/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { Decimal: 'string', Date: 'string', DateTime: 'string' },
      },
    },
  },
  hooks: {},
};

export default config;
