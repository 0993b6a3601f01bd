// All the in-process test files in one module registry, for mutation testing only: Stryker runs the
// tests that cover a mutant once per mutant, and loading the pack's modules once per run instead of
// once per test file makes a run several times cheaper. Not matched by `npm test` (no .test.ts).
//
// Every *.test.ts under test/ is included, so a new rule's spec is mutation-tested without an edit
// here, except the tests that cannot see a mutant or cost too much per run: the folders below, and
// any file whose header carries the line `// @out-of-process` (it runs the compiled pack or checker
// from dist/, which holds no mutant).
// bail.ts first: it must wrap `test` before the test files define their tests.

import "./bail";
import * as fs from "fs";
import * as path from "path";

/** Folders of test/ whose tests start the compiled pack or checker, or run thousands of generated stacks. */
const OUT_OF_PROCESS_FOLDERS = new Set(["corpus", "engine", "examples", "mutation", "oracle", "property", "protocol"]);
const OUT_OF_PROCESS_MARK = /^\/\/ @out-of-process\b/m;
const TEST_ROOT = path.dirname(__dirname);

function testFilesUnder(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const file = path.join(dir, entry.name);
        return entry.isDirectory() ? testFilesUnder(file) : entry.name.endsWith(".test.ts") ? [file] : [];
    });
}

const inProcess = fs
    .readdirSync(TEST_ROOT, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !OUT_OF_PROCESS_FOLDERS.has(entry.name))
    .flatMap((entry) => testFilesUnder(path.join(TEST_ROOT, entry.name)))
    .filter((file) => !OUT_OF_PROCESS_MARK.test(fs.readFileSync(file, "utf8")))
    .sort();

for (const file of inProcess) {
    require(file);
}
