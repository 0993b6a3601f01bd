// The framework's floor: as many stack policies as alicloud-eip-guard has, each of whose bodies only
// walks the resources it is given, and a resource policy of the same name as the pack's recorder of
// inputs (eip-guard-inputs) whose body only looks at the type. What @pulumi/policy spends
// deserialising the stack once per stack policy, and each resource once per Analyze call, is all
// this pack costs.
const { PolicyPack } = require("@pulumi/policy");
const { RULES } = require("../../../dist/policypack/core/rules");
const { INPUTS_POLICY } = require("../../../dist/policypack/crossguard/inputs");

let walked = 0;

new PolicyPack("bench-baseline", {
    policies: [
        ...RULES.map((rule) => ({
            name: rule.name,
            description: rule.description,
            enforcementLevel: rule.enforcementLevel,
            validateStack: (args) => {
                for (const resource of args.resources) {
                    if (resource.type) {
                        walked++;
                    }
                }
            },
        })),
        {
            name: INPUTS_POLICY.name,
            description: INPUTS_POLICY.description,
            enforcementLevel: INPUTS_POLICY.enforcementLevel,
            validateResource: (args) => {
                if (args.type) {
                    walked++;
                }
            },
        },
    ],
});
