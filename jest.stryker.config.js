// The tests Stryker runs against each mutant: those that load the pack's TypeScript in-process, so
// that a mutant in the sources is what they execute. Tests that start the compiled pack or the
// compiled checker (protocol, examples, corpus, the checker's parity and command-line tests, the
// property tests' server path) see dist/, not the mutant, and are left to `npm test`. The property
// tests through the core run thousands of stacks per mutant; they are left to `npm test` too.
const base = require("./jest.config.js");

const IN_PROCESS = ["core/**", "config/**", "crossguard/**", "docs/**", "cli/fixtures", "cli/sarif", "cli/terraform"];

module.exports = {
    ...base,
    testMatch: IN_PROCESS.map((glob) => `<rootDir>/test/${glob}${glob.endsWith("**") ? "/*" : ""}.test.ts`),
};
