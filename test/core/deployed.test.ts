// Outputs of a deployed stack hold the values Alibaba Cloud filled in as if the program had set them
// (policypack/core/deployed.ts). An EIP the system allocated for a zone of an Internet-facing ALB or
// NLB comes back as a literal allocation id in the mapping, and must not read as an EIP from outside
// the stack whose region cannot be checked.

import { mayBeSystemAllocated } from "../../policypack/core/deployed";
import { Model } from "../../policypack/core/model";
import { Phase, Plan } from "../support/plan";
import { undecided, violations } from "../support/verdicts";

function internetAlb(phase: Phase, allocationId: string, kind: "alb" | "nlb" = "alb") {
    const plan = new Plan(phase);
    const vswitch = plan.vswitch("vsw");
    plan.add(kind, "lb", { addressType: "Internet", zoneMappings: [{ zoneId: "cn-hangzhou-a", vswitchId: vswitch.ref(), allocationId }] });
    return plan.resources();
}

describe.each(["alb", "nlb"] as const)("a literal allocation id in a zone mapping of an Internet-facing %s", (kind) => {
    test("once the load balancer exists (its id is known) may be the system's EIP: no region note", () => {
        const resources = internetAlb("update", "eip-system0001", kind);
        expect(new Model(resources).bindings.map(mayBeSystemAllocated)).toEqual([true]);
        expect(undecided(resources, "eip-same-region")).toEqual([]);
        expect(violations(resources, "eip-same-region")).toEqual([]);
    });

    test("on a load balancer still to be created was set by the program: its region is undecided", () => {
        const resources = internetAlb("preview", "eip-bp1existing0001", kind);
        expect(new Model(resources).bindings.map(mayBeSystemAllocated)).toEqual([false]);
        expect(undecided(resources, "eip-same-region")).toEqual(["lb"]);
    });
});

test("an association's literal allocation id is the program's in any phase: its region is undecided", () => {
    for (const phase of ["preview", "update"] as const) {
        const plan = new Plan(phase);
        plan.associate("assoc", "eip-bp1existing0001", plan.instance("web", { vswitchId: plan.vswitch("vsw").ref() }));
        const resources = plan.resources();
        expect(new Model(resources).bindings.map(mayBeSystemAllocated)).toEqual([false]);
        expect(undecided(resources, "eip-same-region")).toEqual(["assoc"]);
    }
});
