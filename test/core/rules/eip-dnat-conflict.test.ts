import { eipDnatConflict } from "../../../policypack/core/rules/eip-dnat-conflict";
import { Handle, Plan, bothPhases } from "../../support/plan";
import { ruleTester } from "../../support/rule-tester";
import { findings, violations } from "../../support/verdicts";

const policy = eipDnatConflict.name;

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

/** An instance with a known private IP and an EIP, a gateway, and a DNAT entry on literal values shaped by `entry`. */
function literalStack(plan: Plan, entry: Record<string, unknown>, gatewayProps: Record<string, unknown> = {}) {
    const vswitch = plan.vswitch("vsw");
    const web = plan.instance("web", { vswitchId: vswitch.ref(), privateIp: "10.0.1.10" });
    const ngw = plan.add("natGateway", "ngw", { vswitchId: vswitch.ref(), natType: "Enhanced", ...gatewayProps });
    plan.associate("web-assoc", plan.eip("web-eip"), web);
    plan.add("forwardEntry", "dnat", { externalIp: "47.0.0.1", externalPort: "80", internalPort: "80", ipProtocol: "tcp", ...entry });
    return { web, ngw };
}

const MESSAGE =
    'ECS instance "web" is associated with an EIP (EIP association "web-assoc") and is also the internal target of DNAT entry "dnat". An ECS instance with an EIP cannot use a NAT gateway\'s DNAT, and an instance with a DNAT entry cannot take an EIP, whichever comes first. Remove the DNAT entry or the EIP association, or bind the EIP to a secondary ENI of the instance.';

ruleTester(eipDnatConflict, {
    passes: [
        {
            name: "an instance with an EIP and no DNAT entry",
            plan: (plan) => {
                const { web } = network(plan);
                plan.associate("web-assoc", plan.eip("web-eip"), web);
            },
        },
        {
            name: "an instance served by DNAT without an EIP",
            plan: (plan) => {
                const { web, ngw, natEip } = network(plan);
                dnat(plan, "web-dnat", ngw, natEip, web.ref("privateIp"));
            },
        },
        {
            name: "the EIP on one instance, the DNAT entry for another",
            plan: (plan) => {
                const { web, api, ngw, natEip } = network(plan);
                plan.associate("web-assoc", plan.eip("web-eip"), web);
                dnat(plan, "api-dnat", ngw, natEip, api.ref("privateIp"));
                dnat(plan, "api-dnat-literal", ngw, natEip, "10.0.1.20");
            },
        },
        {
            name: "the EIP on a secondary ENI of the instance, DNAT to its primary IP",
            plan: (plan) => {
                const { vswitch, web, ngw, natEip } = network(plan);
                const eni = plan.add("eni", "web-eni", { vswitchId: vswitch.ref() });
                plan.add("eniAttachment", "web-eni-attach", { instanceId: web.ref(), networkInterfaceId: eni.ref() });
                plan.associate("eni-assoc", plan.eip("eni-eip"), eni, { instanceType: "NetworkInterface" });
                dnat(plan, "web-dnat", ngw, natEip, web.ref("privateIp"));
            },
        },
        {
            name: "a literal internalIp that is no planned instance's private IP",
            plan: (plan) => {
                const { web, ngw, natEip } = network(plan, { privateIp: "10.0.1.10" });
                plan.associate("web-assoc", plan.eip("web-eip"), web);
                dnat(plan, "other-dnat", ngw, natEip, "10.0.1.99");
            },
        },
        {
            name: "a literal internalIp against an instance whose private IP the system assigns",
            plan: (plan) => {
                const { web, ngw, natEip } = network(plan);
                plan.associate("web-assoc", plan.eip("web-eip"), web);
                dnat(plan, "some-dnat", ngw, natEip, "10.0.1.10");
            },
        },
        {
            name: "a literal internalIp that two instances declare is not guessed",
            plan: (plan) => {
                const { web, ngw, natEip } = network(plan, { privateIp: "10.0.1.20" });
                plan.associate("web-assoc", plan.eip("web-eip"), web);
                dnat(plan, "ambiguous-dnat", ngw, natEip, "10.0.1.20");
            },
        },
        // Regression (found by these tests, since fixed): the rule matches a literal internalIp against every planned instance's privateIp, whatever
        // its VPC. A private IP is unique only within one VPC, and a NAT gateway's DNAT entry forwards only
        // to addresses in the gateway's own VPC. Here "web" (VPC "vpc-a") has 10.0.1.10 and an EIP, while
        // the DNAT entry of the gateway in "vpc-b" forwards to 10.0.1.10 of a server in vpc-b that the
        // stack does not manage: nothing conflicts, yet the rule reports "web-assoc" and "b-dnat". The
        // plan links everything needed to tell: the entry's forwardTableId comes from the gateway, whose
        // vpcId is vpc-b, and web's vSwitch has vpcId vpc-a.
        {
            name: "a literal internalIp equal to the private IP of an instance in another VPC",
            plan: (plan) => {
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
            },
        },
        {
            name: "a literal internalIp equal to the private IP of an instance whose VPC cannot be told",
            plan: (plan) => {
                const { ngw, natEip } = network(plan);
                plan.instance("legacy", { vswitchId: "vsw-bp1existing", privateIp: "172.16.0.8" }, { external: true, id: "i-bp1legacy" });
                plan.associate("legacy-assoc", "eip-bp1existing", "i-bp1legacy");
                dnat(plan, "legacy-dnat", ngw, natEip, "172.16.0.8");
            },
        },
        // A literal internalIp needs the entry's gateway: a forward table that names no gateway, or none, proves nothing.
        {
            name: "a literal internalIp on an entry without a forwardTableId",
            plan: (plan) => literalStack(plan, { internalIp: "10.0.1.10" }, { forwardTableIds: ["ftb-1"] }),
        },
        {
            name: "a literal internalIp on an entry whose forward table is no gateway's",
            plan: (plan) => literalStack(plan, { forwardTableId: "ftb-9", internalIp: "10.0.1.10" }, { forwardTableIds: ["ftb-1"] }),
        },
        {
            name: "a literal internalIp on an entry whose forwardTableId is not text",
            plan: (plan) => literalStack(plan, { forwardTableId: 7, internalIp: "10.0.1.10" }, { forwardTableIds: ["ftb-1"] }),
        },
        // An entry without an internalIp, or with one that is not an address, forwards to nothing that can be told.
        ...[undefined, 10, ""].map((internalIp) => ({
            name: `an entry with internalIp ${JSON.stringify(internalIp)}`,
            plan: (plan: Plan) => literalStack(plan, { forwardTableId: "ftb-1", internalIp }, { forwardTableIds: ["ftb-1"] }),
        })),
    ],
    fails: [
        {
            name: "DNAT with internalIp = instance.privateIp on an instance with an EIP",
            plan: (plan) => {
                const { web, ngw, natEip } = network(plan);
                plan.associate("web-assoc", plan.eip("web-eip"), web);
                dnat(plan, "web-dnat", ngw, natEip, web.ref("privateIp"));
            },
            violations: ["web-assoc", "web-dnat"],
            messages: [
                'ECS instance "web" is associated with an EIP (EIP association "web-assoc") and is also the internal target of DNAT entry "web-dnat"',
                "An ECS instance with an EIP cannot use a NAT gateway's DNAT, and an instance with a DNAT entry cannot take an EIP",
                "Remove the DNAT entry or the EIP association, or bind the EIP to a secondary ENI of the instance",
            ],
        },
        {
            name: "DNAT with internalIp = instance.primaryIpAddress",
            plan: (plan) => {
                const { web, ngw, natEip } = network(plan);
                plan.associate("web-assoc", plan.eip("web-eip"), web);
                dnat(plan, "web-dnat", ngw, natEip, web.ref("primaryIpAddress"));
            },
            violations: ["web-assoc", "web-dnat"],
        },
        {
            name: "DNAT with a literal internalIp equal to the instance's declared privateIp",
            plan: (plan) => {
                const { web, ngw, natEip } = network(plan, { privateIp: "10.0.1.10" });
                plan.associate("web-assoc", plan.eip("web-eip"), web);
                dnat(plan, "web-dnat", ngw, natEip, "10.0.1.10");
            },
            violations: ["web-assoc", "web-dnat"],
        },
        {
            name: "DNAT with internalIp = instance.privateIp where the instance declares it",
            plan: (plan) => {
                const { web, ngw, natEip } = network(plan, { privateIp: "10.0.1.10" });
                plan.associate("web-assoc", plan.eip("web-eip"), web, { instanceType: "EcsInstance" });
                dnat(plan, "web-dnat", ngw, natEip, web.ref("privateIp"));
            },
            violations: ["web-assoc", "web-dnat"],
        },
        {
            name: "two DNAT entries for one instance with an EIP, the other instance untouched",
            plan: (plan) => {
                const { web, api, ngw, natEip } = network(plan, { privateIp: "10.0.1.10" });
                plan.associate("web-assoc", plan.eip("web-eip"), web);
                plan.associate("api-assoc", plan.eip("api-eip"), api);
                dnat(plan, "web-http", ngw, natEip, web.ref("privateIp"));
                dnat(plan, "web-https", ngw, natEip, "10.0.1.10");
            },
            violations: ["web-assoc", "web-http", "web-https"],
        },
        {
            name: "an instance read into the stack, bound by its literal id, with a DNAT entry on its private IP in the same VPC",
            plan: (plan) => {
                const { ngw, natEip } = network(plan, {}, { vpcId: "vpc-bp1shared" });
                plan.instance("legacy", { vswitchId: "vsw-bp1existing", vpcId: "vpc-bp1shared", privateIp: "172.16.0.8" }, { external: true, id: "i-bp1legacy" });
                plan.associate("legacy-assoc", "eip-bp1existing", "i-bp1legacy");
                dnat(plan, "legacy-dnat", ngw, natEip, "172.16.0.8");
            },
            violations: ["legacy-assoc", "legacy-dnat"],
        },
        {
            name: "a literal internalIp on a forward table the gateway lists (written with spaces)",
            plan: (plan) => literalStack(plan, { forwardTableId: "ftb-1", internalIp: "10.0.1.10" }, { forwardTableIds: [" ftb-1 "] }),
            violations: ["dnat", "web-assoc"],
        },
        {
            name: "the message, on the entry and on the association",
            plan: (plan) => literalStack(plan, { forwardTableId: "ftb-2", internalIp: "10.0.1.10" }, { forwardTableIds: "ftb-1, ftb-2" }),
            violations: ["dnat", "web-assoc"],
            reports: [
                { on: "dnat", message: MESSAGE, involved: ["dnat", "web", "web-assoc"] },
                { on: "web-assoc", message: MESSAGE },
            ],
        },
    ],
});

describe(`${policy}: beyond the table`, () => {
    test("reports nothing undecided: the rule has no advisory cases", () => {
        const plan = new Plan("preview");
        const { web, ngw, natEip } = network(plan);
        plan.associate("web-assoc", plan.eip("web-eip"), web);
        dnat(plan, "mystery-dnat", ngw, natEip, plan.add("vpc", "ip-source").ref("ip"));
        expect(findings(plan.resources(), policy)).toEqual([]);
    });

    test("an internalIp computed from the instance but known to be another of its addresses is not that instance", () => {
        const resources = bothPhases((plan) => {
            const { web } = literalStack(plan, { forwardTableId: "ftb-1" }, { forwardTableIds: ["ftb-1"] });
            void web;
        }).update;
        const dnat = resources.find((resource) => resource.name === "dnat")!;
        const web = resources.find((resource) => resource.name === "web")!;
        const rewired = resources.map((resource) => (resource === dnat ? { ...dnat, props: { ...dnat.props, internalIp: "10.0.1.99" }, propertyDependencies: { internalIp: [web.address] } } : resource));
        expect(violations(rewired, policy)).toEqual([]);
        const same = resources.map((resource) => (resource === dnat ? { ...dnat, props: { ...dnat.props, internalIp: "10.0.1.10" }, propertyDependencies: { internalIp: [web.address] } } : resource));
        expect(violations(same, policy)).toEqual(["dnat", "web-assoc"]);
    });
});
