/** One run for the whole workspace: the pure domain, the gateway's integration tests, the web client's own and browser tests. */
module.exports = {
  projects: ['<rootDir>/packages/domain', '<rootDir>/apps/gateway', '<rootDir>/apps/web'],
  // Integration tests start real servers and databases; unit tests finish far sooner.
  testTimeout: 60000,
};
