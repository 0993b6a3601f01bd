// The framework's floor: as many stack policies as alicloud-eip-guard has, each of whose bodies only
// walks the resources it is given. What @pulumi/policy spends deserialising the stack once per
// policy is all this pack costs.
const { PolicyPack } = require("@pulumi/policy");
const { RULES } = require("../../../dist/policypack/core/rules");

let walked = 0;

new PolicyPack("bench-baseline", {
    policies: RULES.map((rule) => ({
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
});
