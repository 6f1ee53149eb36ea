// Unit tests live beside the code (src/**/*.spec.ts, web/src/**/*.spec.tsx); e2e tests run
// against real PostgreSQL and Redis (test/), the browser tests among them (test/browser/).
const transform = { '^.+\\.ts$': 'ts-jest' };

module.exports = {
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/test/support/results-file-reporter.js'],
  projects: [
    {
      displayName: 'unit',
      rootDir: __dirname,
      testMatch: ['<rootDir>/src/**/*.spec.ts'],
      testEnvironment: 'node',
      transform,
    },
    {
      // The web console's own tests: components in a DOM, the message catalogues.
      displayName: 'web',
      rootDir: __dirname,
      testMatch: ['<rootDir>/web/src/**/*.spec.{ts,tsx}'],
      testEnvironment: 'jsdom',
      setupFiles: ['<rootDir>/web/jest-setup.ts'],
      transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/web/tsconfig.jest.json' }] },
      moduleNameMapper: { '^@parkline/client$': '<rootDir>/client/src' },
    },
    {
      // The client package: its generated types match the committed document.
      displayName: 'client',
      rootDir: __dirname,
      testMatch: ['<rootDir>/client/test/**/*.spec.ts'],
      testEnvironment: 'node',
      transform,
    },
    {
      displayName: 'e2e',
      rootDir: __dirname,
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      testEnvironment: 'node',
      transform,
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
