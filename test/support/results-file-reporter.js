// Writes Jest's aggregated results to reports/jest-results.json so CI can count them.
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

class ResultsFileReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const dir = join(this.rootDir, 'reports');
    mkdirSync(dir, { recursive: true });
    const { numPassedTests, numFailedTests, numPendingTests, numTotalTests } = results;
    writeFileSync(
      join(dir, 'jest-results.json'),
      JSON.stringify({ numPassedTests, numFailedTests, numPendingTests, numTotalTests }, null, 2),
    );
  }
}

module.exports = ResultsFileReporter;
