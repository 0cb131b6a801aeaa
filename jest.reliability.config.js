/**
 * `npm run test:reliability`: load and fault tests against real server processes (dist/, built by the
 * script) on PostgreSQL clusters of their own. One file at a time: each loads both cores.
 */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  roots: ['<rootDir>/test/reliability'],
  testPathIgnorePatterns: ['/node_modules/'],
  globalSetup: undefined,
  globalTeardown: undefined,
  testTimeout: 900000,
  maxWorkers: 1,
};
