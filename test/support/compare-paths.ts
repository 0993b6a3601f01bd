// Every test that speaks to the pack through the harness also runs the ordinary path beside the
// fast one and fails on any AnalyzeStack answer that differs by a byte (policypack/testing/engine/analyzer.ts).
// EIP_GUARD_COMPARE_PATHS=0 turns it off, for a quicker run.
process.env.EIP_GUARD_COMPARE_PATHS ??= "1";
