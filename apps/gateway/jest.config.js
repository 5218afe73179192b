module.exports = {
  displayName: 'gateway',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.ts$': require('../../jest.swc.js') },
  moduleNameMapper: {
    '^@tandem/domain$': '<rootDir>/../../packages/domain/src',
    '^@tandem/client$': '<rootDir>/../../packages/client/src',
    // The client's sources import each other with .js (for its ESM build); here they are the .ts files.
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  // One PostgreSQL per run; each test file gets its own database cloned from a migrated template.
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};
