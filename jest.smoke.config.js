/**
 * `npm run test:smoke`: the compiled server (dist/, built by the script) on its own embedded
 * PostgreSQL, under whichever Node runs jest; .ci/run runs it on Node 22 LTS.
 */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  roots: ['<rootDir>/test/smoke'],
  testPathIgnorePatterns: ['/node_modules/'],
  globalSetup: undefined,
  globalTeardown: undefined,
  testTimeout: 300000,
  maxWorkers: 1,
};
