// A vitest reporter for npm test: writes each failure as a JSON line (project, file, test, first
// error line) to HINDSIGHT_TEST_FAILURES, so the totals line can be preceded by what failed and on
// which engine. The JSON reporter has no project name, and both projects run the same files.
import fs from "node:fs";
import path from "node:path";

const firstLine = (error) =>
  String(error?.message ?? error ?? "")
    .split("\n")
    .find((line) => line.trim()) ?? "";

export default class FailuresReporter {
  constructor() {
    this.file = process.env.HINDSIGHT_TEST_FAILURES;
  }

  write(entry) {
    if (this.file) fs.appendFileSync(this.file, `${JSON.stringify(entry)}\n`);
  }

  onTestCaseResult(testCase) {
    const result = testCase.result();
    if (result.state !== "failed") return;
    this.write({
      project: testCase.project.name,
      file: path.relative(process.cwd(), testCase.module.moduleId),
      test: testCase.fullName,
      error: firstLine(result.errors?.[0]),
    });
  }

  onTestModuleEnd(testModule) {
    // A file that failed to load, or a failing beforeAll/afterAll, has errors of its own.
    for (const error of testModule.errors()) {
      this.write({ project: testModule.project.name, file: path.relative(process.cwd(), testModule.moduleId), test: "(file)", error: firstLine(error) });
    }
  }

  onTestRunEnd(_modules, unhandledErrors) {
    for (const error of unhandledErrors ?? []) this.write({ project: "", file: "", test: "(unhandled error)", error: firstLine(error) });
  }
}
