// file-type and its tokenizers ship as ES modules only. Node (>= 20.19) require()s them natively,
// but Jest's module loader does so only on Node >= 24.9: compile them to CommonJS here instead.
const ES_MODULE_PACKAGES = [
  'file-type',
  'strtok3',
  'token-types',
  'uint8array-extras',
  '@tokenizer/inflate',
  '@borewit/text-codec',
];
const esModulePackages = {
  transformIgnorePatterns: [`/node_modules/(?!(${ES_MODULE_PACKAGES.join('|')})/)`],
  // Its export map names the ES module under `import` and `module-sync` only, not `require`.
  moduleNameMapper: { '^file-type$': '<rootDir>/node_modules/file-type/index.js' },
};
const transform = {
  '^.+\\.ts$': 'ts-jest',
  '/node_modules/.+\\.js$': [
    'ts-jest',
    { tsconfig: { allowJs: true, module: 'commonjs', target: 'ES2022', isolatedModules: true } },
  ],
};

// Unit tests live beside the code (src/**/*.spec.ts, web/src/**/*.spec.tsx); e2e tests run
// against real PostgreSQL and Redis (test/), the browser tests among them (test/browser/).
module.exports = {
  testTimeout: 60000,
  // The e2e files mostly wait on PostgreSQL, Redis and the browser: two workers keep both cores
  // busy where Jest's default (cores - 1) would run the files one at a time here.
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/test/support/results-file-reporter.js'],
  projects: [
    {
      displayName: 'unit',
      rootDir: __dirname,
      testMatch: ['<rootDir>/src/**/*.spec.ts'],
      testEnvironment: 'node',
      transform,
      ...esModulePackages,
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
      ...esModulePackages,
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
