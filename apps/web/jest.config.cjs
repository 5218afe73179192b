/** The web client's own logic (src/**\/*.test.ts: pure functions). Its browser tests run with the gateway's (apps/gateway/test/web-client.test.ts), against a real gateway serving the built app. */
module.exports = {
  displayName: 'web',
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  transform: { '^.+\\.tsx?$': require('../../jest.swc.js') },
};
