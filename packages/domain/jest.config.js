module.exports = {
  displayName: 'domain',
  testEnvironment: 'node',
  // src: each rule's tests beside it; test: package-wide checks (purity).
  roots: ['<rootDir>/src', '<rootDir>/test'],
  transform: { '^.+\\.ts$': require('../../jest.swc.js') },
};
