// alicloud-eip-guard without the bound on V8's heap growth for large heaps: the "before" of that
// design. The pack's own policies and fast path; only the bound is never set: every call of memory.ts's
// to V8's flags is dropped before the pack is loaded.
const v8 = require("v8");
const setFlags = v8.setFlagsFromString;
v8.setFlagsFromString = (flags) => (String(flags).startsWith("--heap-growing-percent") ? undefined : setFlags(flags));
const { PolicyPack } = require("@pulumi/policy");
const { PACK_NAME } = require("../../../dist/policypack/core/pack");
const { SERVING_HOOKS, scopes } = require("../../../dist/policypack/crossguard/floor");
const { servingWith } = require("../../../dist/policypack/crossguard/framework");
const { PACK_POLICIES } = require("../../../dist/policypack/crossguard/policies");

servingWith(scopes, SERVING_HOOKS, () => new PolicyPack(`${PACK_NAME}-unbounded`, { policies: PACK_POLICIES }));
