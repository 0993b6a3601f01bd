// A bare pack: only @pulumi/policy and no policy at all. Its start-up is the floor for cold starts,
// and its AnalyzeStack the floor for a stack no policy applies to.
const { PolicyPack } = require("@pulumi/policy");

new PolicyPack("bench-empty", { policies: [] });
