// The floor the pack is measured against since issue 16: one stack policy whose body only walks the
// resources it is given. What @pulumi/policy spends deserialising the stack once.
const { PolicyPack } = require("@pulumi/policy");
const { RULES } = require("../../../dist/policypack/core/rules");

let walked = 0;

new PolicyPack("bench-baseline-one", {
    policies: [
        {
            name: RULES[0].name,
            description: RULES[0].description,
            enforcementLevel: RULES[0].enforcementLevel,
            validateStack: (args) => {
                for (const resource of args.resources) {
                    if (resource.type) {
                        walked++;
                    }
                }
            },
        },
    ],
});
