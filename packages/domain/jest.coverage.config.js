// `npm run coverage:domain`: the domain's tests with line coverage, failing under 95%.
const project = require('./jest.config.js');
module.exports = {
  ...project,
  rootDir: __dirname,
  collectCoverage: true,
  collectCoverageFrom: ['src/**/*.ts', '!src/**/*.test.ts', '!src/**/index.ts'],
  coverageReporters: ['text', 'text-summary'],
  coverageThreshold: { global: { lines: 95 } },
};
