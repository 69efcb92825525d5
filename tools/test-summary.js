// Adds up the jest JSON reports of one `npm test` run and prints one closing line,
// "tests: N passed, N failed", so CI can read the result of the whole suite.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

const dir = process.argv[2] ?? 'test-output/jest';
let passed = 0, failed = 0, skipped = 0, suitesFailed = 0;
for (const file of (await readdir(dir).catch(() => [])).filter((f) => f.endsWith('.json'))) {
  const report = JSON.parse(await readFile(path.join(dir, file), 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  // A suite that fails to load has no failed tests but must still count as a failure.
  suitesFailed += report.numRuntimeErrorTestSuites ?? 0;
  if (report.numFailedTests || report.numRuntimeErrorTestSuites) console.log(`failing: ${file}`);
}
failed += suitesFailed;
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
