module.exports = {
  displayName: 'gateway',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.ts$': require('../../jest.swc.js') },
  moduleNameMapper: {
    '^@tandem/domain$': '<rootDir>/../../packages/domain/src',
    '^@tandem/client$': '<rootDir>/../../packages/client/src',
  },
  // One PostgreSQL per run; each test file gets its own database cloned from a migrated template.
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};
