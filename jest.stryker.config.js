// The tests Stryker runs against each mutant: those that load the pack's TypeScript in-process, so
// that a mutant in the sources is what they execute. Tests that start the compiled pack or the
// compiled checker (protocol, examples, corpus, the checker's parity and exit-code tests) see dist/,
// not the mutant; they are left to `npm test`.
const base = require("./jest.config.js");

module.exports = {
    ...base,
    testMatch: ["core", "config", "crossguard", "docs", "oracle"].map((dir) => `<rootDir>/test/${dir}/**/*.test.ts`),
};
