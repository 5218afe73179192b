module.exports = {
  displayName: 'domain',
  testEnvironment: 'node',
  // src: each rule's tests beside it; test: package-wide checks (purity), kept out of src because they read files.
  roots: ['<rootDir>/src', '<rootDir>/test'],
  transform: { '^.+\\.ts$': require('../../jest.swc.js') },
};
