import { eniEipCapacity } from "../../../policypack/core/rules/eni-eip-capacity";
import { UNKNOWN } from "../../../policypack/core/values";
import { Handle, Plan, bothPhases } from "../../support/plan";
import { ruleTester } from "../../support/rule-tester";
import { findings, notices, violations } from "../../support/verdicts";

const policy = eniEipCapacity.name;

const PRIMARY = "10.0.1.10";

/** A secondary ENI with a known primary IP (and whatever secondary IPs `props` give it). */
function eniIn(plan: Plan, props: Record<string, unknown> = {}, name = "eni"): Handle {
    const vswitch = plan.vswitch(`${name}-vsw`);
    return plan.add("eni", name, { vswitchId: vswitch.ref(), primaryIpAddress: PRIMARY, ...props });
}

/** An association of a new EIP with the ENI, as a secondary ENI must be bound. */
function bind(plan: Plan, name: string, eni: Handle | string, props: Record<string, unknown> = {}): Handle {
    return plan.associate(name, plan.eip(`${name}-eip`), eni, { instanceType: "NetworkInterface", ...props });
}

function multiBinded(plan: Plan, eni: Handle, count: number): void {
    for (let n = 1; n <= count; n++) {
        bind(plan, `multi-${String(n).padStart(2, "0")}`, eni, { mode: "MULTI_BINDED" });
    }
}

/**
 * An instance created on an ENI with three private IPs (its primary ENI, networkInterfaceId), NAT-mode
 * EIPs on the addresses given, and an instance-level EIP when `instanceEip` says so.
 */
function primaryEni(plan: Plan, natOn: readonly string[], instanceEip = false): void {
    const eni = eniIn(plan, { privateIpAddresses: ["10.0.1.11", "10.0.1.12"] });
    const web = plan.instance("web", { networkInterfaceId: eni.ref(), vswitchId: plan.vswitch("web-vsw").ref() });
    natOn.forEach((ip, n) => bind(plan, ip === PRIMARY ? "nat-primary" : `nat-${n}`, eni, { mode: "NAT", privateIpAddress: ip }));
    if (instanceEip) {
        plan.associate("web-eip", plan.eip("web-ip"), web);
    }
}

/**
 * A secondary ENI without secondary IPs, an instance, and one association in `mode`; `order` places
 * the attachment: after the association (as Alibaba Cloud asks), before it, or unordered.
 */
function attachedEni(plan: Plan, mode: string, order: "association first" | "attachment first" | "unordered"): void {
    const eni = eniIn(plan);
    const web = plan.instance("web", { vswitchId: plan.vswitch("web-vsw").ref() });
    if (order === "attachment first") {
        const attach = plan.add("eniAttachment", "attach", { instanceId: web.ref(), networkInterfaceId: eni.ref() });
        plan.associate("cut", plan.eip("cut-eip"), eni, { instanceType: "NetworkInterface", mode }, { dependsOn: [attach] });
        return;
    }
    const cut = bind(plan, "cut", eni, { mode });
    plan.add("eniAttachment", "attach", { instanceId: web.ref(), networkInterfaceId: eni.ref() }, order === "association first" ? { dependsOn: [cut] } : {});
}

/** The advisory note on an ENI in multi-EIP-to-ENI mode, for an ENI named "eni" and its associations. */
const allowListNote = (count: number, associations: string) =>
    `ENI "eni" takes ${count} EIP${count === 1 ? "" : "s"} in multi-EIP-to-ENI mode (MULTI_BINDED: ${associations}). Alibaba Cloud no longer opens this mode to new accounts: only accounts allowed before may use it, others are refused (Mode.NotSupport), and it works only in some regions and instance families. If your account is allowed, set multiBindedAllowed to true for this policy; otherwise use NAT mode with one private IP per EIP.`;

const PRIMARY_SHARED =
    'ECS instance "web" is created on ENI "eni" as its primary ENI (networkInterfaceId), and EIP association "web-eip" binds an EIP to the instance, which Alibaba Cloud maps to the primary private IP of that ENI; EIP association "nat-primary" binds a NAT-mode EIP to that same private IP. Two EIPs on one private IP are likely refused. Keep the NAT-mode EIPs on the secondary private IPs, or bind the instance\'s EIP in NAT mode on the primary private IP instead of with instanceType "EcsInstance".';

/** `count` associations in multi-EIP-to-ENI mode, the mode spelled in lower case. */
const lowerCaseMulti = (count: number) => (plan: Plan) => {
    const eni = plan.add("eni", "eni", { vswitchId: plan.vswitch("vsw").ref(), primaryIpAddress: "10.0.1.10" });
    for (let n = 1; n <= count; n++) {
        plan.associate(`m-${n}`, plan.eip(`e-${n}`), eni, { instanceType: "NetworkInterface", mode: "multi_binded" });
    }
};

ruleTester(eniEipCapacity, {
    passes: [
        // NAT mode: one EIP per private IP
        {
            name: "one EIP (mode left to the API default) on an ENI with only its primary IP",
            plan: (plan) => {
                bind(plan, "only", eniIn(plan));
            },
        },
        {
            name: "two EIPs on an ENI with secondaryPrivateIpAddressCount 1",
            plan: (plan) => {
                const eni = eniIn(plan, { secondaryPrivateIpAddressCount: 1 });
                bind(plan, "first", eni, { mode: "NAT" });
                bind(plan, "second", eni, { mode: "NAT" });
            },
        },
        {
            name: "three EIPs on the three private IPs of an ENI with privateIpAddresses",
            plan: (plan) => {
                const eni = eniIn(plan, { privateIpAddresses: ["10.0.1.11", "10.0.1.12"] });
                bind(plan, "primary", eni, { privateIpAddress: eni.ref("primaryIpAddress") });
                bind(plan, "second", eni, { privateIpAddress: "10.0.1.11" });
                bind(plan, "third", eni, { privateIpAddress: "10.0.1.12" });
            },
        },
        {
            name: "the deprecated privateIps list counts too",
            plan: (plan) => {
                const eni = eniIn(plan, { privateIps: ["10.0.1.11"] });
                bind(plan, "first", eni, { privateIpAddress: PRIMARY });
                bind(plan, "second", eni, { privateIpAddress: "10.0.1.11" });
            },
        },
        {
            name: "the deprecated privateIpsCount counts too",
            plan: (plan) => {
                const eni = eniIn(plan, { privateIpsCount: 2 });
                for (const name of ["first", "second", "third"]) {
                    bind(plan, name, eni);
                }
            },
        },
        {
            name: "associations without instanceType NetworkInterface are not counted here (eip-supported-target reports them)",
            plan: (plan) => {
                const eni = eniIn(plan);
                plan.associate("first", plan.eip("first-eip"), eni);
                plan.associate("second", plan.eip("second-eip"), eni);
            },
        },
        {
            name: "a privateIpAddress the ENI does not declare, while the system assigns its secondary IPs, is undecided",
            plan: (plan) => {
                const eni = eniIn(plan, { secondaryPrivateIpAddressCount: 1 });
                bind(plan, "first", eni, { privateIpAddress: "10.0.1.77" });
            },
            undecidedMessages: [
                'EIP association "first" binds its EIP to a privateIpAddress that ENI "eni" does not declare: some of the ENI\'s private IPs are assigned by the system or computed at creation. Unless the ENI ends up with exactly that address, the association fails. Declare the address on the ENI (primaryIpAddress or privateIpAddresses), or use privateIpAddress: eni.primaryIpAddress.',
            ],
        },
        {
            name: "a privateIpAddress the ENI declares (its primary IP), while the system assigns its secondary IPs, is no note",
            plan: (plan) => {
                const eni = eniIn(plan, { secondaryPrivateIpAddressCount: 1 });
                bind(plan, "first", eni, { privateIpAddress: PRIMARY });
            },
            undecided: [],
        },
        {
            name: "a privateIpAddress on an ENI whose primary IP the system assigns and that declares no secondary list is undecided",
            plan: (plan) => {
                const vswitch = plan.vswitch("sys-vsw");
                const eni = plan.add("eni", "sys-eni", { vswitchId: vswitch.ref(), secondaryPrivateIpAddressCount: 2 });
                bind(plan, "first", eni, { privateIpAddress: "10.0.1.77" });
            },
            undecided: ["first"],
        },
        {
            name: "several NAT-mode EIPs on an ENI outside the stack: its private IPs cannot be counted, which is noted once",
            plan: (plan) => {
                bind(plan, "first", "eni-bp1existing");
                bind(plan, "second", "eni-bp1existing");
            },
            undecidedMessages: [
                'Could not count the private IPs of the ENI named by a literal id (not managed in this stack): in NAT mode an ENI takes one EIP per private IP, and 2 are planned (EIP association "first" and EIP association "second"). Manage the ENI in this stack to have it checked.',
            ],
        },
        {
            name: "one NAT-mode EIP on an ENI outside the stack always fits its primary IP: no note",
            plan: (plan) => {
                bind(plan, "first", "eni-bp1existing");
            },
            undecided: [],
        },
        // NAT mode on an instance's primary ENI (networkInterfaceId, provider 1.284.0 and later)
        {
            name: "NAT mode on an instance's primary ENI, one EIP on each of its three private IPs",
            plan: (plan) => primaryEni(plan, [PRIMARY, "10.0.1.11", "10.0.1.12"]),
            undecided: [],
        },
        {
            name: "an instance-level EIP beside NAT-mode EIPs on the secondary private IPs of the instance's primary ENI",
            plan: (plan) => primaryEni(plan, ["10.0.1.11", "10.0.1.12"], true),
            undecided: [],
        },
        {
            name: "an instance-level EIP and a NAT-mode EIP on the primary private IP of the instance's primary ENI are likely refused, not proven so",
            plan: (plan) => primaryEni(plan, [PRIMARY], true),
            undecided: ["eni"],
            undecidedMessages: [PRIMARY_SHARED],
        },
        {
            name: "an instance-level EIP while NAT-mode EIPs take every private IP of the instance's primary ENI",
            plan: (plan) => {
                const eni = eniIn(plan, { secondaryPrivateIpAddressCount: 1 });
                const web = plan.instance("web", { networkInterfaceId: eni.ref(), vswitchId: plan.vswitch("web-vsw").ref() });
                bind(plan, "nat-1", eni);
                bind(plan, "nat-2", eni);
                plan.associate("web-eip", plan.eip("web-ip"), web);
            },
            undecided: ["eni"],
            undecidedMessages: [
                'ECS instance "web" is created on ENI "eni" as its primary ENI (networkInterfaceId), and EIP association "web-eip" binds an EIP to the instance, which Alibaba Cloud maps to the primary private IP of that ENI; the 2 NAT-mode EIPs on the ENI take every one of its private IPs, the primary one included. Two EIPs on one private IP are likely refused. Keep the NAT-mode EIPs on the secondary private IPs, or bind the instance\'s EIP in NAT mode on the primary private IP instead of with instanceType "EcsInstance".',
            ],
        },
        {
            name: "an instance-level EIP on an instance whose primary ENI is not the one holding the NAT-mode EIPs",
            plan: (plan) => {
                const eni = eniIn(plan);
                plan.add("eniAttachment", "attach", { instanceId: plan.instance("web", { vswitchId: plan.vswitch("web-vsw").ref() }).ref(), networkInterfaceId: eni.ref() });
                bind(plan, "nat", eni, { privateIpAddress: PRIMARY });
                plan.associate("web-eip", plan.eip("web-ip"), "i-bp1other");
            },
            undecided: [],
        },
        // cut-through mode (BINDED)
        {
            name: "one BINDED EIP on an ENI without secondary private IPs",
            plan: (plan) => {
                bind(plan, "only", eniIn(plan), { mode: "BINDED" });
            },
        },
        // cut-through modes need an ENI that is not attached yet
        {
            name: "BINDED on a secondary ENI whose attachment depends on the association",
            plan: (plan) => attachedEni(plan, "BINDED", "association first"),
            undecided: [],
        },
        {
            name: "NAT mode on an ENI attached before the association",
            plan: (plan) => attachedEni(plan, "NAT", "attachment first"),
            undecided: [],
        },
        {
            name: "an attachment that waits for the association through another resource",
            plan: (plan) => {
                const eni = eniIn(plan);
                const cut = bind(plan, "cut", eni, { mode: "BINDED" });
                const web = plan.instance("web", { vswitchId: plan.vswitch("web-vsw").ref() }, { dependsOn: [cut] });
                plan.add("eniAttachment", "attach", { instanceId: web.ref(), networkInterfaceId: eni.ref() });
            },
            undecided: [],
        },
        {
            name: "BINDED on an ENI an instance lists in networkInterfaces, the instance waiting for the association",
            plan: (plan) => {
                const eni = eniIn(plan);
                const cut = bind(plan, "cut", eni, { mode: "BINDED" });
                plan.instance("web", { vswitchId: plan.vswitch("web-vsw").ref(), networkInterfaces: { networkInterfaceId: eni.ref() } }, { dependsOn: [cut] });
            },
            undecided: [],
        },
        {
            name: "BINDED and an attachment with no order between them is left to chance",
            plan: (plan) => attachedEni(plan, "BINDED", "unordered"),
            undecided: ["cut"],
            undecidedMessages: [
                'EIP association "cut" binds an EIP in cut-through mode (BINDED) to ENI "eni", and nothing orders it before ENI attachment "attach", which attaches that ENI to ECS instance "web". Alibaba Cloud refuses a cut-through association with an ENI that is already attached (Eni.Attached), so the outcome depends on which is created first. Make ENI attachment "attach" depend on the association (dependsOn).',
            ],
        },
        {
            name: "BINDED on an ENI an instance lists in networkInterfaces, with no order between them, is left to chance",
            plan: (plan) => {
                const eni = eniIn(plan);
                bind(plan, "cut", eni, { mode: "BINDED" });
                plan.instance("web", { vswitchId: plan.vswitch("web-vsw").ref(), networkInterfaces: { networkInterfaceId: eni.ref() } });
            },
            undecided: ["cut"],
            undecidedMessages: [
                'EIP association "cut" binds an EIP in cut-through mode (BINDED) to ENI "eni", and nothing orders it before ECS instance "web", which is created with that ENI attached (networkInterfaces). Alibaba Cloud refuses a cut-through association with an ENI that is already attached (Eni.Attached), so the outcome depends on which is created first. Make ECS instance "web" depend on the association (dependsOn).',
            ],
        },
        // multi-EIP-to-ENI mode (MULTI_BINDED)
        {
            name: "ten MULTI_BINDED EIPs on an ENI without secondary private IPs",
            plan: (plan) => {
                multiBinded(plan, eniIn(plan), 10);
            },
        },
        {
            name: "each mode on its own ENI",
            plan: (plan) => {
                bind(plan, "nat", eniIn(plan, {}, "eni-a"));
                bind(plan, "multi", eniIn(plan, {}, "eni-b"), { mode: "MULTI_BINDED" });
                bind(plan, "binded", eniIn(plan, {}, "eni-c"), { mode: "BINDED" });
            },
        },
        // multi-EIP-to-ENI mode is open only to accounts Alibaba Cloud allowed before
        {
            name: "MULTI_BINDED by default: one note per ENI, on the ENI",
            plan: (plan) => {
                const eni = eniIn(plan);
                bind(plan, "multi-1", eni, { mode: "MULTI_BINDED" });
                bind(plan, "multi-2", eni, { mode: "multi_binded" });
                bind(plan, "other", eniIn(plan, {}, "other-eni"), { mode: "MULTI_BINDED" });
            },
            undecided: ["eni", "other-eni"],
            undecidedMessages: [
                allowListNote(2, 'EIP association "multi-1" and EIP association "multi-2"'),
                allowListNote(1, 'EIP association "other"').replace('ENI "eni"', 'ENI "other-eni"'),
            ],
        },
        {
            name: "MULTI_BINDED with multiBindedAllowed: no note",
            plan: (plan) => multiBinded(plan, eniIn(plan), 3),
            config: { multiBindedAllowed: true },
            undecided: [],
        },
        {
            name: "multiBindedAllowed leaves the other notes: an attachment racing a MULTI_BINDED association",
            plan: (plan) => attachedEni(plan, "MULTI_BINDED", "unordered"),
            config: { multiBindedAllowed: true },
            undecided: ["cut"],
        },
        {
            name: "MULTI_BINDED on an ENI attached after the association: the allow-list note alone",
            plan: (plan) => attachedEni(plan, "MULTI_BINDED", "association first"),
            undecided: ["eni"],
            undecidedMessages: [allowListNote(1, 'EIP association "cut"')],
        },
        // maxMultiBindedEips
        {
            name: "eleven MULTI_BINDED EIPs with maxMultiBindedEips 11",
            plan: (plan) => multiBinded(plan, eniIn(plan), 11),
            config: { maxMultiBindedEips: 11 },
        },
        {
            name: "maxMultiBindedEips is a limit one may reach: two with maxMultiBindedEips 2",
            plan: lowerCaseMulti(2),
            config: { maxMultiBindedEips: 2 },
        },
        // Undecided
        {
            name: "a secondary IP count computed from another resource is undecided",
            plan: (plan) => {
                const source = plan.add("vpc", "sizing");
                const eni = eniIn(plan, { secondaryPrivateIpAddressCount: source.ref("count") });
                bind(plan, "first", eni);
                bind(plan, "second", eni);
            },
            undecided: ["eni"],
        },
    ],
    fails: [
        // NAT mode: one EIP per private IP
        {
            name: "two EIPs on an ENI with only its primary IP",
            plan: (plan) => {
                const eni = eniIn(plan);
                bind(plan, "first", eni);
                bind(plan, "second", eni);
            },
            violations: ["eni"],
            involved: { eni: ["eni", "first", "second"] },
            messages: [
                'ENI "eni" has 1 private IP (1 primary, 0 secondary) but would hold 2 EIPs in NAT mode',
                'EIP association "first" and EIP association "second"',
                "in NAT mode an ENI takes one EIP per private IP (InvalidEip.EipQuotaExceeded)",
                "Raise secondaryPrivateIpAddressCount to 1, or attach another ENI",
            ],
        },
        {
            name: "lower-case mode nat is still NAT mode",
            plan: (plan) => {
                const eni = eniIn(plan);
                bind(plan, "first", eni, { mode: "nat" });
                bind(plan, "second", eni, { mode: "Nat" });
            },
            violations: ["eni"],
            involved: { eni: ["eni", "first", "second"] },
        },
        {
            name: "three EIPs on an ENI with secondaryPrivateIpAddressCount 1",
            plan: (plan) => {
                const eni = eniIn(plan, { secondaryPrivateIpAddressCount: 1 });
                for (const name of ["first", "second", "third"]) {
                    bind(plan, name, eni);
                }
            },
            violations: ["eni"],
            involved: { eni: ["eni", "first", "second", "third"] },
        },
        {
            name: "four EIPs on an ENI with two privateIpAddresses (three private IPs)",
            plan: (plan) => {
                const eni = eniIn(plan, { privateIpAddresses: ["10.0.1.11", "10.0.1.12"] });
                for (const name of ["first", "second", "third", "fourth"]) {
                    bind(plan, name, eni);
                }
            },
            violations: ["eni"],
            involved: { eni: ["eni", "first", "fourth", "second", "third"] },
        },
        {
            name: "two NAT-mode associations on the same privateIpAddress",
            plan: (plan) => {
                const eni = eniIn(plan, { privateIpAddresses: ["10.0.1.11", "10.0.1.12"] });
                bind(plan, "first", eni, { privateIpAddress: "10.0.1.11" });
                bind(plan, "second", eni, { privateIpAddress: "10.0.1.11", mode: "NAT" });
            },
            violations: ["eni"],
            involved: { eni: ["eni", "first", "second"] },
        },
        // Regression (found by these tests, since fixed): the "one EIP per private IP" finding once
        // involved every association of the ENI, not only the ones that share the private IP. "third"
        // binds 10.0.1.12, which nothing else uses and which the ENI has, so it is no part of the fault.
        {
            name: "one fault involving the two associations that share a private IP, not a third on its own IP",
            plan: (plan) => {
                const eni = eniIn(plan, { privateIpAddresses: ["10.0.1.11", "10.0.1.12"] });
                bind(plan, "first", eni, { privateIpAddress: "10.0.1.11" });
                bind(plan, "second", eni, { privateIpAddress: "10.0.1.11" });
                bind(plan, "third", eni, { privateIpAddress: "10.0.1.12" });
            },
            violations: ["eni"],
            involved: { eni: ["eni", "first", "second"] },
        },
        {
            name: "a privateIpAddress that is not among the ENI's private IPs",
            plan: (plan) => {
                const eni = eniIn(plan, { privateIpAddresses: ["10.0.1.11"] });
                bind(plan, "good", eni, { privateIpAddress: "10.0.1.11" });
                bind(plan, "stray", eni, { privateIpAddress: "10.0.1.99" });
            },
            violations: ["stray"],
            involved: { stray: ["eni", "good", "stray"] },
        },
        {
            name: "a privateIpAddress not among the ENI's when it has no secondary IPs",
            plan: (plan) => {
                bind(plan, "stray", eniIn(plan), { privateIpAddress: "10.0.1.99" });
            },
            violations: ["stray"],
            involved: { stray: ["eni", "stray"] },
        },
        {
            name: "a privateIpAddress not among the ENI's when its primary IP is given by the deprecated privateIp",
            plan: (plan) => {
                const vswitch = plan.vswitch("vsw");
                const eni = plan.add("eni", "old-eni", { vswitchId: vswitch.ref(), privateIp: "10.0.1.30", privateIpAddresses: ["10.0.1.31"] });
                bind(plan, "good", eni, { privateIpAddress: "10.0.1.30" });
                bind(plan, "stray", eni, { privateIpAddress: "10.0.1.10" });
            },
            violations: ["stray"],
            involved: { stray: ["good", "old-eni", "stray"] },
        },
        {
            name: "a NAT-mode binding on a primary IP other than the one referenced from the ENI",
            plan: (plan) => {
                const eni = eniIn(plan);
                const other = eniIn(plan, { primaryIpAddress: "10.0.1.40" }, "other-eni");
                bind(plan, "crossed", eni, { privateIpAddress: other.ref("primaryIpAddress") });
            },
            violations: ["crossed"],
            involved: { crossed: ["crossed", "eni"] },
        },
        // Regression (found by these tests, since fixed): for an ENI outside the stack the rule returns before its "one EIP per private IP"
        // check, although that check needs nothing from the ENI: two NAT-mode EIPs on one private IP
        // of one ENI fail whatever the ENI is (the second association is refused). The rule's header
        // says NAT mode takes one EIP per private IP.
        {
            name: "two NAT-mode associations on the same private IP of a literal eni- id",
            plan: (plan) => {
                bind(plan, "first", "eni-bp1existing", { privateIpAddress: "10.0.1.11" });
                bind(plan, "second", "eni-bp1existing", { privateIpAddress: "10.0.1.11" });
            },
            violations: ["first"],
            involved: { first: ["first", "second"] },
        },
        {
            name: "four NAT-mode EIPs on the three private IPs of an instance's primary ENI",
            plan: (plan) => primaryEni(plan, [PRIMARY, "10.0.1.11", "10.0.1.12", "10.0.1.13"]),
            violations: ["eni", "nat-3"],
            involved: { eni: ["eni", "nat-1", "nat-2", "nat-3", "nat-primary"], "nat-3": ["eni", "nat-1", "nat-2", "nat-3", "nat-primary"] },
        },
        // cut-through mode (BINDED)
        {
            name: "a BINDED EIP plus a NAT-mode EIP on one ENI",
            plan: (plan) => {
                const eni = eniIn(plan, { secondaryPrivateIpAddressCount: 1 });
                bind(plan, "binded", eni, { mode: "BINDED" });
                bind(plan, "nat", eni, { mode: "NAT" });
            },
            violations: ["eni"],
            involved: { eni: ["binded", "eni", "nat"] },
        },
        {
            name: "two BINDED EIPs on one ENI",
            plan: (plan) => {
                const eni = eniIn(plan);
                bind(plan, "first", eni, { mode: "BINDED" });
                bind(plan, "second", eni, { mode: "BINDED" });
            },
            violations: ["eni"],
            involved: { eni: ["eni", "first", "second"] },
        },
        {
            name: "BINDED on an ENI with secondaryPrivateIpAddressCount 2",
            plan: (plan) => {
                bind(plan, "binded", eniIn(plan, { secondaryPrivateIpAddressCount: 2 }), { mode: "BINDED" });
            },
            violations: ["eni"],
            involved: { eni: ["binded", "eni"] },
        },
        {
            name: "BINDED on an ENI with privateIpAddresses",
            plan: (plan) => {
                bind(plan, "binded", eniIn(plan, { privateIpAddresses: ["10.0.1.11"] }), { mode: "BINDED" });
            },
            violations: ["eni"],
            involved: { eni: ["binded", "eni"] },
        },
        // cut-through modes need an ENI that is not attached yet
        {
            name: "BINDED on an ENI whose attachment the association depends on",
            plan: (plan) => attachedEni(plan, "BINDED", "attachment first"),
            violations: ["cut"],
            involved: { cut: ["attach", "cut", "eni"] },
            reports: [
                {
                    on: "cut",
                    message:
                        'EIP association "cut" binds an EIP in cut-through mode (BINDED) to ENI "eni", but it is created after ENI attachment "attach", which attaches that ENI to ECS instance "web". Alibaba Cloud refuses a cut-through association with an attached ENI (Eni.Attached). Associate first: drop the association\'s dependency on ENI attachment "attach" and make ENI attachment "attach" depend on the association (dependsOn).',
                    involved: ["cut", "attach", "eni"],
                },
            ],
        },
        {
            name: "MULTI_BINDED on an ENI whose attachment the association depends on",
            plan: (plan) => attachedEni(plan, "MULTI_BINDED", "attachment first"),
            violations: ["cut"],
            involved: { cut: ["attach", "cut", "eni"] },
            messages: ["multi-EIP-to-ENI mode (MULTI_BINDED)", "(Eni.Attached)"],
        },
        {
            name: "BINDED created after the attachment through its EIP's dependencies",
            plan: (plan) => {
                const eni = eniIn(plan);
                const attach = plan.add("eniAttachment", "attach", {
                    instanceId: plan.instance("web", { vswitchId: plan.vswitch("web-vsw").ref() }).ref(),
                    networkInterfaceId: eni.ref(),
                });
                plan.associate("cut", plan.eip("cut-eip", {}, { dependsOn: [attach] }), eni, { instanceType: "NetworkInterface", mode: "BINDED" });
            },
            violations: ["cut"],
            involved: { cut: ["attach", "cut", "eni"] },
        },
        {
            name: "BINDED on an ENI an instance is created with, the association reading the instance",
            plan: (plan) => {
                const eni = eniIn(plan);
                const web = plan.instance("web", { vswitchId: plan.vswitch("web-vsw").ref(), networkInterfaces: { networkInterfaceId: eni.ref() } });
                bind(plan, "cut", eni, { mode: "BINDED", vpcId: web.ref("vpcId") });
            },
            violations: ["cut"],
            involved: { cut: ["cut", "eni", "web"] },
            messages: ['ECS instance "web", which is created with that ENI attached (networkInterfaces)'],
        },
        {
            name: "BINDED on an instance's primary ENI, whatever the order",
            plan: (plan) => {
                const eni = eniIn(plan);
                const cut = bind(plan, "cut", eni, { mode: "BINDED" });
                plan.instance("web", { networkInterfaceId: eni.ref() }, { dependsOn: [cut] });
            },
            violations: ["cut"],
            involved: { cut: ["cut", "eni", "web"] },
            reports: [
                {
                    on: "cut",
                    message:
                        'EIP association "cut" binds an EIP in cut-through mode (BINDED) to ENI "eni", the primary ENI of ECS instance "web" (networkInterfaceId). Cut-through modes take only a secondary ENI that is not attached to an instance, and a primary ENI always is (Eni.Attached). Use NAT mode (mode "NAT"), which works on the primary ENI, or bind the EIP to a secondary ENI before attaching it.',
                },
            ],
        },
        {
            name: "MULTI_BINDED on an instance's primary ENI",
            plan: (plan) => {
                const eni = eniIn(plan);
                plan.instance("web", { networkInterfaceId: eni.ref() });
                bind(plan, "multi-1", eni, { mode: "MULTI_BINDED" });
                bind(plan, "multi-2", eni, { mode: "MULTI_BINDED" });
            },
            violations: ["multi-1", "multi-2"],
            involved: { "multi-1": ["eni", "multi-1", "web"], "multi-2": ["eni", "multi-2", "web"] },
        },
        {
            name: "an ENI outside the stack, attached by a literal id before a BINDED association",
            plan: (plan) => {
                const attach = plan.add("eniAttachment", "attach", { instanceId: "i-bp1existing", networkInterfaceId: "eni-bp1existing" });
                plan.associate("cut", plan.eip("cut-eip"), "eni-bp1existing", { instanceType: "NetworkInterface", mode: "BINDED" }, { dependsOn: [attach] });
            },
            violations: ["cut"],
            involved: { cut: ["attach", "cut"] },
            messages: ["to the ENI named by a literal id (not managed in this stack)", 'ENI attachment "attach", which attaches that ENI to an instance'],
        },
        // multi-EIP-to-ENI mode (MULTI_BINDED)
        {
            name: "eleven MULTI_BINDED EIPs",
            plan: (plan) => {
                multiBinded(plan, eniIn(plan), 11);
            },
            violations: ["eni"],
            involved: { eni: ["eni", "multi-01", "multi-02", "multi-03", "multi-04", "multi-05", "multi-06", "multi-07", "multi-08", "multi-09", "multi-10", "multi-11"] },
        },
        {
            name: "NAT and MULTI_BINDED mixed on one ENI",
            plan: (plan) => {
                const eni = eniIn(plan, { secondaryPrivateIpAddressCount: 3 });
                bind(plan, "nat", eni);
                bind(plan, "multi", eni, { mode: "MULTI_BINDED" });
            },
            violations: ["eni"],
            involved: { eni: ["eni", "multi", "nat"] },
            messages: [
                'ENI "eni" mixes NAT mode (EIP association "nat") and multi-EIP-to-ENI mode (EIP association "multi")',
                "OperationFailed.EipBindModeConflict",
                "Use one mode for every EIP on the ENI",
            ],
        },
        {
            name: "NAT and MULTI_BINDED mixed on a literal eni- id",
            plan: (plan) => {
                bind(plan, "nat", "eni-bp1existing", { mode: "NAT" });
                bind(plan, "multi", "eni-bp1existing", { mode: "MULTI_BINDED" });
            },
            violations: ["multi"],
            involved: { multi: ["multi", "nat"] },
        },
        {
            name: "eleven MULTI_BINDED EIPs with multiBindedAllowed: the limit still holds",
            plan: (plan) => multiBinded(plan, eniIn(plan), 11),
            config: { multiBindedAllowed: true },
            violations: ["eni"],
            involved: { eni: ["eni", "multi-01", "multi-02", "multi-03", "multi-04", "multi-05", "multi-06", "multi-07", "multi-08", "multi-09", "multi-10", "multi-11"] },
            undecided: [],
        },
        {
            name: "eleven MULTI_BINDED EIPs by default: the limit and the note",
            plan: (plan) => multiBinded(plan, eniIn(plan), 11),
            violations: ["eni"],
            involved: { eni: ["eni", "multi-01", "multi-02", "multi-03", "multi-04", "multi-05", "multi-06", "multi-07", "multi-08", "multi-09", "multi-10", "multi-11"] },
            undecided: ["eni"],
        },
        // maxMultiBindedEips
        {
            name: "six MULTI_BINDED EIPs with maxMultiBindedEips 5",
            plan: (plan) => multiBinded(plan, eniIn(plan), 6),
            config: { maxMultiBindedEips: 5 },
            violations: ["eni"],
            involved: { eni: ["eni", "multi-01", "multi-02", "multi-03", "multi-04", "multi-05", "multi-06"] },
        },
        {
            name: "maxMultiBindedEips is a limit one may not pass: three with maxMultiBindedEips 2",
            plan: lowerCaseMulti(3),
            config: { maxMultiBindedEips: 2 },
            violations: ["eni"],
            involved: { eni: ["eni", "m-1", "m-2", "m-3"] },
            reports: [
                {
                    on: "eni",
                    message: 'ENI "eni" would hold 3 EIPs in multi-EIP-to-ENI mode (MULTI_BINDED); at most 2 are allowed. Spread them over more ENIs.',
                    involved: ["eni", "m-1", "m-2", "m-3"],
                },
            ],
        },
        // Messages
        {
            name: "an ENI named by a literal id is named as such",
            plan: (plan) => {
                plan.associate("a", plan.eip("e1"), "eni-bp1outside", { instanceType: "NetworkInterface", mode: "BINDED" });
                plan.associate("b", plan.eip("e2"), "eni-bp1outside", { instanceType: "NetworkInterface", mode: "BINDED" });
            },
            violations: ["a"],
            involved: { a: ["a", "b"] },
            // The ENI is not in the stack: the fault is shown once, on its first association by address.
            reports: [
                {
                    on: "a",
                    message:
                        'The ENI named by a literal id (not managed in this stack) is bound in cut-through mode (BINDED) by EIP association "a" and EIP association "b", which allows exactly one EIP, but 2 associations point at it. Keep one, or use NAT mode with one private IP per EIP.',
                    involved: ["a", "b"],
                },
            ],
        },
        {
            name: "reportUndecided: false never hides a violation",
            plan: (plan) => {
                const eni = eniIn(plan);
                bind(plan, "first", eni);
                bind(plan, "second", eni);
            },
            config: { reportUndecided: false },
            violations: ["eni"],
            involved: { eni: ["eni", "first", "second"] },
        },
    ],
});

describe(`${policy}: maxMultiBindedEips`, () => {
    test("raising maxMultiBindedEips never adds a violation", () => {
        const phases = bothPhases((plan) => {
            multiBinded(plan, eniIn(plan, {}, "eni-a"), 12);
            const eni = eniIn(plan, {}, "eni-b");
            bind(plan, "nat-1", eni);
            bind(plan, "nat-2", eni);
        });
        for (const resources of [phases.preview, phases.update]) {
            let previous = violations(resources, policy, { maxMultiBindedEips: 1 });
            expect(previous).toEqual(["eni-a", "eni-b"]);
            for (let max = 2; max <= 15; max++) {
                const current = violations(resources, policy, { maxMultiBindedEips: max });
                expect(previous).toEqual(expect.arrayContaining(current));
                previous = current;
            }
            expect(previous).toEqual(["eni-b"]);
        }
    });

    test("multiBindedAllowed changes no violation, only the allow-list note", () => {
        const phases = bothPhases((plan) => {
            multiBinded(plan, eniIn(plan, {}, "eni-a"), 12);
            attachedEni(plan, "MULTI_BINDED", "attachment first");
        });
        for (const resources of [phases.preview, phases.update]) {
            expect(violations(resources, policy, { multiBindedAllowed: true })).toEqual(violations(resources, policy));
            const notes = (config: object) =>
                findings(resources, policy, config).filter((finding) => finding.outcome === "undecided" && finding.message.includes("multiBindedAllowed"));
            expect(notes({}).length).toBe(2);
            expect(notes({ multiBindedAllowed: true })).toEqual([]);
            expect(notes({ multiBindedAllowed: "yes" }).length).toBe(2);
        }
    });

    test("an unusable maxMultiBindedEips falls back to 10 and says so", () => {
        const plan = new Plan("preview");
        multiBinded(plan, eniIn(plan), 11);
        const resources = plan.resources();
        expect(violations(resources, policy, { maxMultiBindedEips: 0 })).toEqual(["eni"]);
        expect(notices(resources, policy, { maxMultiBindedEips: 0 })).toEqual(["<stack>"]);
        expect(findings(resources, policy, { maxMultiBindedEips: "many" }).find((finding) => finding.outcome === "notice")?.message).toContain(
            "maxMultiBindedEips must be a whole number",
        );
    });
});

describe(`${policy}: what the table cannot build`, () => {
    test("a mode computed from another resource is no mode the rule can count", () => {
        const resources = bothPhases((plan) => {
            const eni = plan.add("eni", "eni", { vswitchId: plan.vswitch("vsw").ref(), primaryIpAddress: "10.0.1.10" });
            plan.associate("a", plan.eip("e1"), eni, { instanceType: "NetworkInterface", mode: "BINDED" });
            plan.associate("b", plan.eip("e2"), eni, { instanceType: "NetworkInterface" });
        }).update;
        const computed = resources.map((resource) =>
            resource.name === "b"
                ? { ...resource, props: { ...resource.props, mode: UNKNOWN }, propertyDependencies: { ...resource.propertyDependencies, mode: ["urn:x"] } }
                : resource,
        );
        // "a" is still BINDED beside another association: that is reported whatever "b"'s mode is.
        expect(violations(computed, policy)).toEqual(["eni"]);
        const twoComputed = computed.map((resource) =>
            resource.name === "a"
                ? { ...resource, props: { ...resource.props, mode: UNKNOWN }, propertyDependencies: { ...resource.propertyDependencies, mode: ["urn:x"] } }
                : resource,
        );
        expect(violations(twoComputed, policy)).toEqual([]);
    });
});
