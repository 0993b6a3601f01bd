import { Handle, Plan } from "../../support/plan";
import { findings, messages, violationsInBothPhases } from "../../support/verdicts";

const policy = "eip-dnat-conflict";

function network(plan: Plan, webProps: Record<string, unknown> = {}, natProps: Record<string, unknown> = {}) {
    const vswitch = plan.vswitch("vsw");
    const web = plan.instance("web", { vswitchId: vswitch.ref(), ...webProps });
    const api = plan.instance("api", { vswitchId: vswitch.ref(), privateIp: "10.0.1.20" });
    const ngw = plan.add("natGateway", "ngw", { vswitchId: vswitch.ref(), natType: "Enhanced", ...natProps });
    const natEip = plan.eip("nat-eip");
    plan.associate("nat-assoc", natEip, ngw);
    return { vswitch, web, api, ngw, natEip };
}

/** A DNAT entry on the gateway's public EIP forwarding port 80 to `internalIp`. */
function dnat(plan: Plan, name: string, ngw: Handle, natEip: Handle, internalIp: unknown): Handle {
    return plan.add("forwardEntry", name, {
        forwardTableId: ngw.ref("forwardTableIds"),
        externalIp: natEip.ref("ipAddress"),
        externalPort: "80",
        internalIp,
        internalPort: "80",
        ipProtocol: "tcp",
    });
}

describe(policy, () => {
    test("passes: an instance with an EIP and no DNAT entry", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const { web } = network(plan);
                plan.associate("web-assoc", plan.eip("web-eip"), web);
            }),
        ).toEqual([]);
    });

    test("passes: an instance served by DNAT without an EIP", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const { web, ngw, natEip } = network(plan);
                dnat(plan, "web-dnat", ngw, natEip, web.ref("privateIp"));
            }),
        ).toEqual([]);
    });

    test("passes: the EIP on one instance, the DNAT entry for another", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const { web, api, ngw, natEip } = network(plan);
                plan.associate("web-assoc", plan.eip("web-eip"), web);
                dnat(plan, "api-dnat", ngw, natEip, api.ref("privateIp"));
                dnat(plan, "api-dnat-literal", ngw, natEip, "10.0.1.20");
            }),
        ).toEqual([]);
    });

    test("passes: the EIP on a secondary ENI of the instance, DNAT to its primary IP", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const { vswitch, web, ngw, natEip } = network(plan);
                const eni = plan.add("eni", "web-eni", { vswitchId: vswitch.ref() });
                plan.add("eniAttachment", "web-eni-attach", { instanceId: web.ref(), networkInterfaceId: eni.ref() });
                plan.associate("eni-assoc", plan.eip("eni-eip"), eni, { instanceType: "NetworkInterface" });
                dnat(plan, "web-dnat", ngw, natEip, web.ref("privateIp"));
            }),
        ).toEqual([]);
    });

    test("passes: a literal internalIp that is no planned instance's private IP", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const { web, ngw, natEip } = network(plan, { privateIp: "10.0.1.10" });
                plan.associate("web-assoc", plan.eip("web-eip"), web);
                dnat(plan, "other-dnat", ngw, natEip, "10.0.1.99");
            }),
        ).toEqual([]);
    });

    test("passes: a literal internalIp against an instance whose private IP the system assigns", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const { web, ngw, natEip } = network(plan);
                plan.associate("web-assoc", plan.eip("web-eip"), web);
                dnat(plan, "some-dnat", ngw, natEip, "10.0.1.10");
            }),
        ).toEqual([]);
    });

    test("passes: a literal internalIp that two instances declare is not guessed", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const { web, ngw, natEip } = network(plan, { privateIp: "10.0.1.20" });
                plan.associate("web-assoc", plan.eip("web-eip"), web);
                dnat(plan, "ambiguous-dnat", ngw, natEip, "10.0.1.20");
            }),
        ).toEqual([]);
    });

    // Regression (found by these tests, since fixed): the rule matches a literal internalIp against every planned instance's privateIp, whatever
    // its VPC. A private IP is unique only within one VPC, and a NAT gateway's DNAT entry forwards only
    // to addresses in the gateway's own VPC. Here "web" (VPC "vpc-a") has 10.0.1.10 and an EIP, while
    // the DNAT entry of the gateway in "vpc-b" forwards to 10.0.1.10 of a server in vpc-b that the
    // stack does not manage: nothing conflicts, yet the rule reports "web-assoc" and "b-dnat". The
    // plan links everything needed to tell: the entry's forwardTableId comes from the gateway, whose
    // vpcId is vpc-b, and web's vSwitch has vpcId vpc-a.
    test("passes: a literal internalIp equal to the private IP of an instance in another VPC", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const vpcA = plan.add("vpc", "vpc-a", { cidrBlock: "10.0.0.0/16" });
                const vpcB = plan.add("vpc", "vpc-b", { cidrBlock: "10.0.0.0/16" });
                const vswA = plan.vswitch("vsw-a", "10.0.1.0/24", { vpcId: vpcA.ref() });
                const vswB = plan.vswitch("vsw-b", "10.0.1.0/24", { vpcId: vpcB.ref() });
                const web = plan.instance("web", { vswitchId: vswA.ref(), vpcId: vpcA.ref(), privateIp: "10.0.1.10" });
                plan.associate("web-assoc", plan.eip("web-eip"), web);
                const ngwB = plan.add("natGateway", "ngw-b", { vpcId: vpcB.ref(), vswitchId: vswB.ref(), natType: "Enhanced" });
                const natEip = plan.eip("nat-eip");
                plan.associate("nat-assoc", natEip, ngwB);
                dnat(plan, "b-dnat", ngwB, natEip, "10.0.1.10");
            }),
        ).toEqual([]);
    });

    test("fails: DNAT with internalIp = instance.privateIp on an instance with an EIP", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const { web, ngw, natEip } = network(plan);
                plan.associate("web-assoc", plan.eip("web-eip"), web);
                dnat(plan, "web-dnat", ngw, natEip, web.ref("privateIp"));
            }),
        ).toEqual(["web-assoc", "web-dnat"]);
    });

    test("fails: DNAT with internalIp = instance.primaryIpAddress", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const { web, ngw, natEip } = network(plan);
                plan.associate("web-assoc", plan.eip("web-eip"), web);
                dnat(plan, "web-dnat", ngw, natEip, web.ref("primaryIpAddress"));
            }),
        ).toEqual(["web-assoc", "web-dnat"]);
    });

    test("fails: DNAT with a literal internalIp equal to the instance's declared privateIp", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const { web, ngw, natEip } = network(plan, { privateIp: "10.0.1.10" });
                plan.associate("web-assoc", plan.eip("web-eip"), web);
                dnat(plan, "web-dnat", ngw, natEip, "10.0.1.10");
            }),
        ).toEqual(["web-assoc", "web-dnat"]);
    });

    test("fails: DNAT with internalIp = instance.privateIp where the instance declares it", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const { web, ngw, natEip } = network(plan, { privateIp: "10.0.1.10" });
                plan.associate("web-assoc", plan.eip("web-eip"), web, { instanceType: "EcsInstance" });
                dnat(plan, "web-dnat", ngw, natEip, web.ref("privateIp"));
            }),
        ).toEqual(["web-assoc", "web-dnat"]);
    });

    test("fails: two DNAT entries for one instance with an EIP, the other instance untouched", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const { web, api, ngw, natEip } = network(plan, { privateIp: "10.0.1.10" });
                plan.associate("web-assoc", plan.eip("web-eip"), web);
                plan.associate("api-assoc", plan.eip("api-eip"), api);
                dnat(plan, "web-http", ngw, natEip, web.ref("privateIp"));
                dnat(plan, "web-https", ngw, natEip, "10.0.1.10");
            }),
        ).toEqual(["web-assoc", "web-http", "web-https"]);
    });

    test("passes: a literal internalIp equal to the private IP of an instance whose VPC cannot be told", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const { ngw, natEip } = network(plan);
                plan.instance("legacy", { vswitchId: "vsw-bp1existing", privateIp: "172.16.0.8" }, { external: true, id: "i-bp1legacy" });
                plan.associate("legacy-assoc", "eip-bp1existing", "i-bp1legacy");
                dnat(plan, "legacy-dnat", ngw, natEip, "172.16.0.8");
            }),
        ).toEqual([]);
    });

    test("fails: an instance read into the stack, bound by its literal id, with a DNAT entry on its private IP in the same VPC", () => {
        expect(
            violationsInBothPhases(policy, (plan) => {
                const { ngw, natEip } = network(plan, {}, { vpcId: "vpc-bp1shared" });
                plan.instance("legacy", { vswitchId: "vsw-bp1existing", vpcId: "vpc-bp1shared", privateIp: "172.16.0.8" }, { external: true, id: "i-bp1legacy" });
                plan.associate("legacy-assoc", "eip-bp1existing", "i-bp1legacy");
                dnat(plan, "legacy-dnat", ngw, natEip, "172.16.0.8");
            }),
        ).toEqual(["legacy-assoc", "legacy-dnat"]);
    });

    test("the message names the instance, the association and the DNAT entry, states the rule and gives the fix", () => {
        const found = messages(policy, (plan) => {
            const { web, ngw, natEip } = network(plan);
            plan.associate("web-assoc", plan.eip("web-eip"), web);
            dnat(plan, "web-dnat", ngw, natEip, web.ref("privateIp"));
        });
        expect(found).toHaveLength(2);
        for (const message of found) {
            expect(message).toContain('ECS instance "web" is associated with an EIP (EIP association "web-assoc") and is also the internal target of DNAT entry "web-dnat"');
            expect(message).toContain("An ECS instance with an EIP cannot use a NAT gateway's DNAT, and an instance with a DNAT entry cannot take an EIP");
            expect(message).toContain("Remove the DNAT entry or the EIP association, or bind the EIP to a secondary ENI of the instance");
        }
    });

    test("reports nothing undecided: the rule has no advisory cases", () => {
        const plan = new Plan("preview");
        const { web, ngw, natEip } = network(plan);
        plan.associate("web-assoc", plan.eip("web-eip"), web);
        dnat(plan, "mystery-dnat", ngw, natEip, plan.add("vpc", "ip-source").ref("ip"));
        expect(findings(plan.resources(), policy)).toEqual([]);
    });
});
