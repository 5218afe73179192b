/** One run for the whole workspace: the pure domain and the gateway's integration tests. */
module.exports = {
  projects: ['<rootDir>/packages/domain', '<rootDir>/apps/gateway'],
  // Integration tests start real servers and databases; unit tests finish far sooner.
  testTimeout: 60000,
};
