/** Jest runs TypeScript through ts-jest (isolatedModules: no type-check per file; `npm run typecheck` does that). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }] },
  globalSetup: '<rootDir>/test/helpers/global-setup.mjs',
  globalTeardown: '<rootDir>/test/helpers/global-teardown.mjs',
  setupFiles: ['reflect-metadata'],
  resolver: '<rootDir>/test/helpers/resolver.js',
  testTimeout: 30000,
  maxWorkers: 2,
};
