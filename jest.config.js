/** Jest runs TypeScript through ts-jest (isolatedModules: no type-check per file; `npm run typecheck` does that). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Load and fault tests run on their own: `npm run test:reliability` (jest.reliability.config.js);
  // so does the compiled-server smoke run, `npm run test:smoke` (jest.smoke.config.js).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/reliability/', '<rootDir>/test/smoke/'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }] },
  globalSetup: '<rootDir>/test/helpers/global-setup.mjs',
  globalTeardown: '<rootDir>/test/helpers/global-teardown.mjs',
  setupFiles: ['reflect-metadata'],
  resolver: '<rootDir>/test/helpers/resolver.js',
  testTimeout: 30000,
  maxWorkers: 2,
};
