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

const CONFLICT =
    "if the DNAT entry exists first, the EIP association is refused (BIND_INSTANCE_HAVE_PORTMAP_OR_BIND_EIP); if the EIP comes first, the DNAT entry is created but cannot be reached from the Internet";

const MESSAGE = `ECS instance "web" is associated with an EIP (EIP association "web-assoc") and is also the internal target of DNAT entry "dnat", which forwards to its primary private IP. An ECS instance cannot serve the Internet through both: ${CONFLICT}. Remove the DNAT entry or the EIP association.`;

/** The note for a DNAT entry to an address of "web" that is not its primary private IP. */
const secondaryNote = (entry: string, doubt?: string) =>
    `DNAT entry "${entry}" ${doubt === undefined ? "forwards" : "may forward"} to a secondary private IP of ECS instance "web", which has an EIP (EIP association "web-assoc")${doubt === undefined ? "" : `: its internalIp equals one, but ${doubt}`}. Alibaba Cloud documents the conflict between an EIP and DNAT per ECS instance and does not say whether it covers secondary private IPs: the EIP association may be refused (BIND_INSTANCE_HAVE_PORTMAP_OR_BIND_EIP), or the DNAT entry may be unreachable. Verify before relying on it, or forward to an instance without an EIP.`;

/** The note for a literal internalIp equal to the primary private IP of `instance`, which cannot be proven to be that instance's. */
const primaryNote = (entry: string, instance: string, association: string, why: string) =>
    `Could not tell whether DNAT entry "${entry}" forwards to ECS instance "${instance}", which has an EIP (EIP association "${association}"): its internalIp equals the instance's private IP, but ${why}. If it does, ${CONFLICT}.`;

const OUTSIDE = "its forward table is not one of a NAT gateway in this stack, so the two cannot be proven to share a VPC (private IPs repeat across VPCs)";

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
            // Not documented as compatible either (see the rule's remediation), but no EcsInstance EIP: nothing to report.
            name: "the EIP on a secondary ENI of the instance, DNAT to its primary IP",
            plan: (plan) => {
                const { vswitch, web, ngw, natEip } = network(plan);
                const eni = plan.add("eni", "web-eni", { vswitchId: vswitch.ref() });
                plan.add("eniAttachment", "web-eni-attach", { instanceId: web.ref(), networkInterfaceId: eni.ref() });
                plan.associate("eni-assoc", plan.eip("eni-eip"), eni, { instanceType: "NetworkInterface" });
                dnat(plan, "web-dnat", ngw, natEip, web.ref("privateIp"));
            },
            undecided: [],
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
            undecided: ["ambiguous-dnat"],
            undecidedMessages: [primaryNote("ambiguous-dnat", "web", "web-assoc", "more than one planned ECS instance declares that address")],
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
            undecided: [],
        },
        {
            name: "a literal internalIp equal to the private IP of an instance whose VPC cannot be told",
            plan: (plan) => {
                const { ngw, natEip } = network(plan);
                plan.instance("legacy", { vswitchId: "vsw-bp1existing", privateIp: "172.16.0.8" }, { external: true, id: "i-bp1legacy" });
                plan.associate("legacy-assoc", "eip-bp1existing", "i-bp1legacy");
                dnat(plan, "legacy-dnat", ngw, natEip, "172.16.0.8");
            },
            // "Cannot tell" is a note; "different" (the case above) is nothing.
            undecided: ["legacy-dnat"],
            undecidedMessages: [
                primaryNote(
                    "legacy-dnat",
                    "legacy",
                    "legacy-assoc",
                    "the plan does not tell whether the instance and the entry's NAT gateway share a VPC (private IPs repeat across VPCs)",
                ),
            ],
        },
        // A literal internalIp needs the entry's gateway: a forward table that names no gateway, or none, proves nothing.
        {
            name: "a literal internalIp on an entry without a forwardTableId",
            plan: (plan) => literalStack(plan, { internalIp: "10.0.1.10" }, { forwardTableIds: ["ftb-1"] }),
        },
        {
            // The forward table of a NAT gateway outside the stack: the entry may forward to web, or to
            // 10.0.1.10 of another VPC.
            name: "a literal internalIp on an entry whose forward table is no gateway's",
            plan: (plan) => literalStack(plan, { forwardTableId: "ftb-9", internalIp: "10.0.1.10" }, { forwardTableIds: ["ftb-1"] }),
            undecided: ["dnat"],
            undecidedMessages: [primaryNote("dnat", "web", "web-assoc", OUTSIDE)],
        },
        {
            name: "a literal internalIp on a forward table outside the stack, equal to no planned address",
            plan: (plan) => literalStack(plan, { forwardTableId: "ftb-9", internalIp: "10.0.1.99" }),
            undecided: [],
        },
        // All sources speak of the instance; none says whether a secondary private IP conflicts too.
        {
            name: "a literal internalIp equal to a secondary private IP of the instance with the EIP",
            plan: (plan) => {
                const { web, ngw, natEip } = network(plan, { privateIp: "10.0.1.10", secondaryPrivateIps: ["10.0.1.21", "10.0.1.22"] });
                plan.associate("web-assoc", plan.eip("web-eip"), web);
                dnat(plan, "secondary-dnat", ngw, natEip, "10.0.1.21");
            },
            undecided: ["secondary-dnat"],
            undecidedMessages: [secondaryNote("secondary-dnat")],
        },
        {
            name: "a literal internalIp equal to an address of an ENI attached to the instance with the EIP",
            plan: (plan) => {
                const { vswitch, web, ngw, natEip } = network(plan);
                const eni = plan.add("eni", "web-eni", { vswitchId: vswitch.ref(), primaryIpAddress: "10.0.1.30", privateIpAddresses: ["10.0.1.31"] });
                plan.add("eniAttachment", "web-eni-attach", { instanceId: web.ref(), networkInterfaceId: eni.ref() });
                plan.associate("web-assoc", plan.eip("web-eip"), web);
                dnat(plan, "eni-dnat", ngw, natEip, "10.0.1.30");
                dnat(plan, "eni-secondary-dnat", ngw, natEip, "10.0.1.31");
            },
            undecided: ["eni-dnat", "eni-secondary-dnat"],
        },
        {
            name: "a secondary private IP of the instance, on a forward table outside the stack",
            plan: (plan) => {
                const web = plan.instance("web", { vswitchId: plan.vswitch("vsw").ref(), privateIp: "10.0.1.10", secondaryPrivateIps: ["10.0.1.21"] });
                plan.associate("web-assoc", plan.eip("web-eip"), web);
                plan.add("forwardEntry", "dnat", {
                    forwardTableId: "ftb-9",
                    externalIp: "47.0.0.1",
                    externalPort: "80",
                    internalIp: "10.0.1.21",
                    internalPort: "80",
                    ipProtocol: "tcp",
                });
            },
            undecided: ["dnat"],
            undecidedMessages: [secondaryNote("dnat", OUTSIDE)],
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
            violations: ["web"],
            involved: { web: ["web", "web-assoc", "web-dnat"] },
            messages: [
                'ECS instance "web" is associated with an EIP (EIP association "web-assoc") and is also the internal target of DNAT entry "web-dnat", which forwards to its primary private IP',
                "if the DNAT entry exists first, the EIP association is refused (BIND_INSTANCE_HAVE_PORTMAP_OR_BIND_EIP)",
                "if the EIP comes first, the DNAT entry is created but cannot be reached from the Internet",
                "Remove the DNAT entry or the EIP association.",
            ],
            notInMessages: ["secondary ENI", "10.0.1."],
        },
        {
            name: "DNAT with internalIp = instance.primaryIpAddress",
            plan: (plan) => {
                const { web, ngw, natEip } = network(plan);
                plan.associate("web-assoc", plan.eip("web-eip"), web);
                dnat(plan, "web-dnat", ngw, natEip, web.ref("primaryIpAddress"));
            },
            violations: ["web"],
            involved: { web: ["web", "web-assoc", "web-dnat"] },
        },
        {
            name: "DNAT with a literal internalIp equal to the instance's declared privateIp",
            plan: (plan) => {
                const { web, ngw, natEip } = network(plan, { privateIp: "10.0.1.10" });
                plan.associate("web-assoc", plan.eip("web-eip"), web);
                dnat(plan, "web-dnat", ngw, natEip, "10.0.1.10");
            },
            violations: ["web"],
            involved: { web: ["web", "web-assoc", "web-dnat"] },
        },
        {
            name: "DNAT with internalIp = instance.privateIp where the instance declares it",
            plan: (plan) => {
                const { web, ngw, natEip } = network(plan, { privateIp: "10.0.1.10" });
                plan.associate("web-assoc", plan.eip("web-eip"), web, { instanceType: "EcsInstance" });
                dnat(plan, "web-dnat", ngw, natEip, web.ref("privateIp"));
            },
            violations: ["web"],
            involved: { web: ["web", "web-assoc", "web-dnat"] },
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
            violations: ["web"],
            involved: { web: ["web", "web-assoc", "web-http", "web-https"] },
        },
        {
            name: "an instance read into the stack, bound by its literal id, with a DNAT entry on its private IP in the same VPC",
            plan: (plan) => {
                const { ngw, natEip } = network(plan, {}, { vpcId: "vpc-bp1shared" });
                plan.instance("legacy", { vswitchId: "vsw-bp1existing", vpcId: "vpc-bp1shared", privateIp: "172.16.0.8" }, { external: true, id: "i-bp1legacy" });
                plan.associate("legacy-assoc", "eip-bp1existing", "i-bp1legacy");
                dnat(plan, "legacy-dnat", ngw, natEip, "172.16.0.8");
            },
            violations: ["legacy"],
            involved: { legacy: ["legacy", "legacy-assoc", "legacy-dnat"] },
        },
        {
            name: "a literal internalIp on a forward table the gateway lists (written with spaces)",
            plan: (plan) => literalStack(plan, { forwardTableId: "ftb-1", internalIp: "10.0.1.10" }, { forwardTableIds: [" ftb-1 "] }),
            violations: ["web"],
            involved: { web: ["dnat", "web", "web-assoc"] },
        },
        {
            name: "the message, once, on the instance, involving the entry and the association",
            plan: (plan) => literalStack(plan, { forwardTableId: "ftb-2", internalIp: "10.0.1.10" }, { forwardTableIds: "ftb-1, ftb-2" }),
            violations: ["web"],
            involved: { web: ["dnat", "web", "web-assoc"] },
            reports: [{ on: "web", message: MESSAGE, involved: ["web", "dnat", "web-assoc"] }],
        },
    ],
});

describe(`${policy}: beyond the table`, () => {
    test("an internalIp computed from something other than an instance is not guessed", () => {
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
        const rewired = resources.map((resource) =>
            resource === dnat ? { ...dnat, props: { ...dnat.props, internalIp: "10.0.1.99" }, propertyDependencies: { internalIp: [web.address] } } : resource,
        );
        expect(violations(rewired, policy)).toEqual([]);
        expect(findings(rewired, policy)).toEqual([]);
        // ... unless it is one of the instance's secondary private IPs: a note.
        const secondary = rewired.map((resource) => (resource === web ? { ...web, props: { ...web.props, secondaryPrivateIps: ["10.0.1.99"] } } : resource));
        expect(findings(secondary, policy).map((finding) => [finding.outcome, finding.message])).toEqual([["undecided", secondaryNote("dnat")]]);
        const same = resources.map((resource) =>
            resource === dnat ? { ...dnat, props: { ...dnat.props, internalIp: "10.0.1.10" }, propertyDependencies: { internalIp: [web.address] } } : resource,
        );
        expect(violations(same, policy)).toEqual(["web"]);
    });
});
