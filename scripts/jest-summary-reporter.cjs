// Prints Jest's totals as one plain line, `jest: N passed, N failed, N skipped`, after the run,
// so that whoever reads a CI log (a person or a tool) finds the result in a fixed shape.
class JestSummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = results;
    process.stderr.write(
      `\njest: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests + numTodoTests} skipped\n`,
    );
  }
}

module.exports = JestSummaryReporter;
