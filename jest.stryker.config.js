// The tests Stryker runs against each mutant: those that load the pack's TypeScript in-process, so
// that a mutant in the sources is what they execute, gathered in one entry (test/mutation/) so that
// each run loads the pack's modules once. Tests that start the compiled pack or the compiled checker
// (protocol, examples, corpus, the checker's parity and command-line tests, the property tests'
// server path) see dist/, not the mutant; they and the property tests through the core (thousands of
// stacks per run) are left to `npm test`.
const base = require("./jest.config.js");

module.exports = {
    ...base,
    testMatch: ["<rootDir>/test/mutation/in-process.ts"],
};
