// alicloud-eip-guard without the bound on V8's heap growth for large heaps: the "before" of that
// design. The bound is set by the policies before they run; resetting it afterwards undoes it.
const v8 = require("v8");
const { PolicyPack } = require("@pulumi/policy");
const { PACK_NAME } = require("../../../dist/policypack/core/pack");
const { typeGateOf, withTypeGate } = require("../../../dist/policypack/crossguard/framework");
const { POLICIES } = require("../../../dist/policypack/crossguard/policies");

new PolicyPack(`${PACK_NAME}-unbounded`, {
    policies: POLICIES.map((policy) => {
        const validate = policy.validateStack;
        const validateStack = (args, report) => {
            validate(args, report);
            v8.setFlagsFromString("--heap-growing-percent=0");
        };
        return { ...policy, validateStack: withTypeGate(validateStack, typeGateOf(validate)) };
    }),
});
