// Configurations that break a policy's configSchema, each with what is wrong with it. The schema
// test (test/config/) rejects them with a JSON-schema validator, and the engine test (test/engine/)
// checks that the Pulumi CLI refuses each of them before it runs the pack.

export const INVALID_CONFIGS: readonly (readonly [string, Record<string, unknown>])[] = [
    ["a quota that is not a number", { "nat-gateway-eip-limit": { maxEips: "lots" } }],
    ["a quota below its minimum", { "nat-gateway-eip-limit": { maxEips: 0 } }],
    ["a fractional quota", { "eni-eip-capacity": { maxMultiBindedEips: 2.5 } }],
    ["a flag that is not a boolean", { "eip-same-region": { reportUndecided: "no" } }],
    ["a waiver without a reason", { "ecs-single-eip": { exemptions: [{ resource: "web", expires: "2027-01-01" }] } }],
    ["a waiver without a date", { "ecs-single-eip": { exemptions: [{ resource: "web", reason: "r" }] } }],
    ["a waiver with a date that is not ISO", { "ecs-single-eip": { exemptions: [{ resource: "web", reason: "r", expires: "next week" }] } }],
    ["a waiver with an unknown field", { "ecs-single-eip": { exemptions: [{ resource: "web", reason: "r", expires: "2027-01-01", owner: "me" }] } }],
    ["exemptions that are not a list", { "ecs-single-eip": { exemptions: "web" } }],
    ["an instance type with no ENIs", { "ecs-eni-limit": { instanceTypes: { "ecs.g8i.large": { enis: 0 } } } }],
    ["an instance type with an unknown limit", { "eni-private-ip-limit": { instanceTypes: { "ecs.g8i.large": { privateIps: 10 } } } }],
    ["an instance type given no limit", { "eni-private-ip-limit": { instanceTypes: { "ecs.g8i.large": {} } } }],
    ["instance types that are not a table", { "ecs-eni-limit": { instanceTypes: ["ecs.g8i.large"] } }],
];
