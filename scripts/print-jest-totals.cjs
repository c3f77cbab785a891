// Prints Jest's totals from its --json output as the last line of the test command, in one fixed
// shape (`jest: N passed, N failed, N skipped`), so a CI log always ends with the result.
const fs = require('node:fs');

const resultsPath = process.argv[2];
if (!resultsPath || !fs.existsSync(resultsPath)) {
  console.log('jest: 0 passed, 1 failed (Jest wrote no results: it failed before running tests)');
  process.exit(0);
}
const results = JSON.parse(fs.readFileSync(resultsPath, 'utf8'));
const failedSuites = results.numRuntimeErrorTestSuites ?? 0;
const failed = results.numFailedTests + failedSuites;
const skipped = results.numPendingTests + results.numTodoTests;
console.log(`jest: ${results.numPassedTests} passed, ${failed} failed, ${skipped} skipped`);
