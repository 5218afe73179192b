// @ts-check
// ESLint for every TypeScript and JavaScript file and the emitted schema, run by `npm run lint` (and so by `npm test`).
// Type-aware: the rules see the types that tsc sees, through the packages' tsconfig.test.json
// (source and tests). They read @tandem/domain from its build output, so `npm run lint` builds first.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import graphqlPlugin from '@graphql-eslint/eslint-plugin';

export default defineConfig(
  { ignores: ['**/dist/', '**/node_modules/', '.tools/', '.data/', 'coverage/', 'packages/client/src/generated/'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  {
    files: ['**/*.{ts,tsx,mts,cts,js,mjs,cjs}'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        project: ['packages/domain/tsconfig.test.json', 'apps/gateway/tsconfig.test.json', 'packages/client/tsconfig.json', 'apps/web/tsconfig.test.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // An unused name is a mistake unless it says so with a leading underscore
      // (`const { stacktrace: _s, ...rest } = …` drops a field on purpose).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Off: `async` without `await` is how this code meets promise-returning interfaces
      // (Apollo plugin hooks, MikroORM migrations); no-floating-promises and
      // no-misused-promises keep the checks that catch real bugs.
      '@typescript-eslint/require-await': 'off',
      // Off: comparing a string enum with its literal value (`viewer.role === 'SALES_REP'`)
      // is the house style, and tsc already refuses a literal that is not a member.
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
    },
  },
  {
    // Tests read untyped JSON responses and pass deliberately wrong inputs (`'x' as any`)
    // to probe refusals; `expect` checks the shapes, so the any-tracking rules only add noise.
    // The promise rules stay on: an un-awaited assertion is a test that checks nothing.
    files: ['**/*.test.ts', '**/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Scripts and tool configs: plain Node JavaScript (and codegen.ts, outside every tsconfig).
    files: ['**/*.js', '**/*.cjs', '**/*.mjs', 'codegen.ts'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    // Jest and dependency-cruiser configs are CommonJS.
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The emitted schema: every type, field, argument and enum value carries a description
    // (decorators, or apps/gateway/src/graphql/schema-descriptions.ts), so the explorer documents the API.
    files: ['schema/schema.graphql'],
    languageOptions: { parser: graphqlPlugin.parser, parserOptions: { graphQLConfig: { schema: 'schema/schema.graphql' } } },
    plugins: { '@graphql-eslint': graphqlPlugin },
    rules: {
      '@graphql-eslint/require-description': [
        'error',
        {
          types: true,
          rootField: true,
          FieldDefinition: true,
          InputValueDefinition: true,
          EnumValueDefinition: true,
          ScalarTypeDefinition: true,
          DirectiveDefinition: true,
        },
      ],
    },
  },
);
