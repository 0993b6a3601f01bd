import { Model } from "../../policypack/core/model";
import { compareNetworks, secondaryIpsOf } from "../../policypack/core/network";
import { Plan } from "../support/plan";

describe("network", () => {
    test("two resources are in one VPC, in two, or the plan cannot tell", () => {
        for (const phase of ["preview", "update"] as const) {
            const plan = new Plan(phase);
            const vpcA = plan.add("vpc", "vpc-a");
            const vpcB = plan.add("vpc", "vpc-b");
            const vswA = plan.vswitch("vsw-a", "10.0.1.0/24", { vpcId: vpcA.ref() });
            const vswB = plan.vswitch("vsw-b", "10.0.2.0/24", { vpcId: vpcB.ref() });
            const loose = plan.vswitch("vsw-loose");
            plan.instance("a1", { vswitchId: vswA.ref() });
            plan.instance("a2", { vswitchId: vswA.ref() });
            plan.instance("b", { vswitchId: vswB.ref() });
            plan.instance("in-loose", { vswitchId: loose.ref() });
            plan.instance("outside", { vswitchId: "vsw-bp1existing" });
            const resources = plan.resources();
            const model = new Model(resources);
            const named = (name: string) => resources.find((resource) => resource.name === name)!;
            const compare = (a: string, b: string) => compareNetworks(model, named(a), named(b));
            expect({ phase, same: compare("a1", "a2"), different: compare("a1", "b"), loose: compare("a1", "in-loose"), outside: compare("in-loose", "outside") }).toEqual({
                phase,
                same: "same",
                different: "different",
                loose: "unknown",
                outside: "unknown",
            });
        }
    });

    test("an instance's other private IPs: its secondary IPs and the addresses of ENIs attached to it", () => {
        const plan = new Plan("update");
        const web = plan.instance("web", { privateIp: "10.0.1.10", secondaryPrivateIps: ["10.0.1.11", 7] });
        const eni = plan.add("eni", "eni", { primaryIpAddress: "10.0.1.20", privateIps: ["10.0.1.21"] });
        plan.add("eniAttachment", "attach", { instanceId: web.ref(), networkInterfaceId: eni.ref() });
        const other = plan.instance("other");
        plan.add("eniAttachment", "elsewhere", { instanceId: other.ref(), networkInterfaceId: plan.add("eni", "eni-2", { primaryIpAddress: "10.0.1.30" }).ref() });
        const resources = plan.resources();
        const model = new Model(resources);
        expect(
            secondaryIpsOf(
                model,
                resources.find((resource) => resource.name === "web")!,
            ),
        ).toEqual(["10.0.1.11", "10.0.1.20", "10.0.1.21"]);
    });
});
