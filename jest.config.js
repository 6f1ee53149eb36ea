// Unit tests live beside the code (src/**/*.spec.ts); e2e tests run against real PostgreSQL and Redis (test/).
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
