// Stacks built to make the pack say as much as it can: for the size of its answer to AnalyzeStack,
// which the Pulumi CLI caps at 4 MiB (policypack/crossguard/answer.ts).
//
// Each "mistake" below is a few resources that draw findings of one or more causes (a cause: one
// message template of one rule). A stack repeats every mistake `copies` times, with names as long
// as real ones. Up to AGGREGATE_ABOVE findings of a cause are reported one by one, so the answer is
// largest when each cause has just that many; beyond, each cause is one diagnostic and the answer
// stops growing. `unresolvedStack` is the other extreme: one resource kind, the one that draws the
// most findings per resource, repeated up to any size.

import { EngineResource } from "../../policypack/testing/engine/analyzer";

const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const PROJECT = "noisy";
const STACK = "prod";

interface Ref {
    readonly resource: EngineResource;
    readonly id: string;
}

type Value = unknown;

class Builder {
    readonly resources: EngineResource[] = [];
    readonly providers: Record<string, NonNullable<EngineResource["provider"]>> = {};
    private counter = 0;

    constructor(readonly nameLength: number) {
        const root = urn("pulumi:pulumi:Stack", `${PROJECT}-${STACK}`);
        this.resources.push({ urn: root, type: "pulumi:pulumi:Stack", name: `${PROJECT}-${STACK}`, properties: {} });
        for (const [name, region] of [
            ["default_3_108_0", "cn-hangzhou"],
            ["beijing", "cn-beijing"],
            ["from-environment", undefined],
        ] as const) {
            const properties: Record<string, unknown> = { version: "3.108.0", ...(region === undefined ? {} : { region }) };
            const provider = { urn: urn("pulumi:providers:alicloud", name), type: "pulumi:providers:alicloud", name, properties };
            this.providers[name] = provider;
            this.resources.push({ ...provider, properties: { ...properties, id: `provider-${name}` } });
        }
    }

    /** A name of about `nameLength` characters, unique in the stack. */
    name(label: string): string {
        this.counter++;
        const suffix = `-${label}-${this.counter}`;
        return `${"platform-services-production-".repeat(Math.ceil(this.nameLength / 29)).slice(0, Math.max(0, this.nameLength - suffix.length))}${suffix}`;
    }

    /** A planned resource: its id is unknown at preview. */
    add(type: string, label: string, props: Record<string, Value>, provider = "default_3_108_0"): Ref {
        const name = this.name(label);
        const propertyDependencies: Record<string, string[]> = {};
        const properties: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(props)) {
            const deps = new Set<string>();
            properties[key] = render(value, deps);
            if (deps.size > 0) {
                propertyDependencies[key] = [...deps];
            }
        }
        properties.id = UNKNOWN;
        const resource: EngineResource = {
            urn: urn(type, name),
            type,
            name,
            properties,
            parent: this.resources[0].urn,
            dependencies: [...new Set(Object.values(propertyDependencies).flat())],
            propertyDependencies,
            provider: this.providers[provider],
        };
        this.resources.push(resource);
        return { resource, id: UNKNOWN };
    }
}

function urn(type: string, name: string): string {
    return `urn:pulumi:${STACK}::${PROJECT}::${type}::${name}`;
}

class Output {
    constructor(
        readonly ref: Ref,
        readonly attribute: string,
    ) {}
}

/** An output of another resource: unknown at preview, with that resource as its dependency. */
function out(ref: Ref, attribute = "id"): Output {
    return new Output(ref, attribute);
}

function render(value: Value, deps: Set<string>): unknown {
    if (value instanceof Output) {
        deps.add(value.ref.resource.urn);
        return UNKNOWN;
    }
    if (Array.isArray(value)) {
        return value.map((element) => render(element, deps));
    }
    if (typeof value === "object" && value !== null) {
        return Object.fromEntries(Object.entries(value).map(([key, element]) => [key, render(element, deps)]));
    }
    return value;
}

const T = {
    eip: "alicloud:ecs/eipAddress:EipAddress",
    association: "alicloud:ecs/eipAssociation:EipAssociation",
    instance: "alicloud:ecs/instance:Instance",
    eni: "alicloud:ecs/ecsNetworkInterface:EcsNetworkInterface",
    vswitch: "alicloud:vpc/switch:Switch",
    nat: "alicloud:vpc/natGateway:NatGateway",
    dnat: "alicloud:vpc/forwardEntry:ForwardEntry",
    attachment: "alicloud:ecs/ecsNetworkInterfaceAttachment:EcsNetworkInterfaceAttachment",
    clb: "alicloud:slb/loadBalancer:LoadBalancer",
    alb: "alicloud:alb/loadBalancer:LoadBalancer",
    havip: "alicloud:vpc/haVipv2:HaVipv2",
};

/** The mistakes, each drawing findings of the causes named beside it. */
const MISTAKES: readonly ((b: Builder) => void)[] = [
    // eip-single-binding eip-unresolved, eip-supported-target target-unresolved, eip-same-region party-unresolved
    (b) => void b.add(T.association, "unresolved", { allocationId: UNKNOWN, instanceId: UNKNOWN }),
    // eip-same-region outside-stack
    (b) => void b.add(T.association, "literal-eip", { allocationId: `eip-${b.name("x").slice(-8)}`, instanceId: out(vm(b)) }),
    // eip-single-binding bound-twice
    (b) => {
        const eip = b.add(T.eip, "shared-eip", { bandwidth: "5" });
        b.add(T.association, "first", { allocationId: out(eip), instanceId: out(vm(b)) });
        b.add(T.association, "second", { allocationId: out(eip), instanceId: out(vm(b)) });
    },
    // eip-same-region crosses-regions
    (b) => void b.add(T.association, "cross", { allocationId: out(b.add(T.eip, "beijing-eip", {}, "beijing")), instanceId: out(vm(b)) }),
    // eip-same-region region-unset
    (b) => void b.add(T.association, "region-unset", { allocationId: out(b.add(T.eip, "env-eip", {}, "from-environment")), instanceId: out(vm(b)) }),
    // eip-supported-target instance-type-mismatch
    (b) => void b.add(T.association, "eni-untyped", { allocationId: out(eip(b)), instanceId: out(b.add(T.eni, "eni", { vswitchId: out(vswitch(b)) })) }),
    // ecs-single-eip several-eips
    (b) => {
        const server = vm(b);
        b.add(T.association, "first", { allocationId: out(eip(b)), instanceId: out(server) });
        b.add(T.association, "second", { allocationId: out(eip(b)), instanceId: out(server) });
    },
    // ecs-single-eip static-public-ip
    (b) =>
        void b.add(T.association, "static-ip", {
            allocationId: out(eip(b)),
            instanceId: out(b.add(T.instance, "vm", { vswitchId: out(vswitch(b)), internetMaxBandwidthOut: 10 })),
        }),
    // ecs-single-eip bandwidth-unknown
    (b) => {
        const source = vm(b);
        const server = b.add(T.instance, "vm", { vswitchId: out(vswitch(b)), internetMaxBandwidthOut: out(source, "internetMaxBandwidthOut") });
        b.add(T.association, "bandwidth", { allocationId: out(eip(b)), instanceId: out(server) });
    },
    // eip-supported-target classic-network
    (b) => void b.add(T.association, "classic", { allocationId: out(eip(b)), instanceId: out(b.add(T.instance, "classic-vm", {})) }),
    // eip-supported-target internet-clb
    (b) => void b.add(T.association, "internet-clb", { allocationId: out(eip(b)), instanceId: out(b.add(T.clb, "clb", { addressType: "internet" })), instanceType: "SlbInstance" }),
    // eip-supported-target vpc-nat-gateway
    (b) =>
        void b.add(T.association, "vpc-nat", {
            allocationId: out(eip(b)),
            instanceId: out(b.add(T.nat, "nat", { networkType: "intranet", vswitchId: out(vswitch(b)) })),
            instanceType: "Nat",
        }),
    // eip-supported-target load-balancer-target
    (b) => void b.add(T.association, "to-alb", { allocationId: out(eip(b)), instanceId: out(b.add(T.alb, "alb", { addressType: "Internet" })) }),
    // eip-supported-target eip-as-target
    (b) => void b.add(T.association, "to-eip", { allocationId: out(eip(b)), instanceId: out(eip(b)) }),
    // eip-supported-target ip-address-incomplete
    (b) => void b.add(T.association, "ip-address", { allocationId: out(eip(b)), instanceId: "10.0.0.8", instanceType: "IpAddress" }),
    // eip-supported-target undocumented-type
    (b) => void b.add(T.association, "typo", { allocationId: out(eip(b)), instanceId: out(vm(b)), instanceType: "EcsInstanse" }),
    // eni-eip-capacity nat-over-capacity
    (b) => {
        const eni = b.add(T.eni, "small-eni", { vswitchId: out(vswitch(b)) });
        b.add(T.association, "first", { allocationId: out(eip(b)), instanceId: out(eni), instanceType: "NetworkInterface" });
        b.add(T.association, "second", { allocationId: out(eip(b)), instanceId: out(eni), instanceType: "NetworkInterface" });
    },
    // eni-eip-capacity private-ips-unknown
    (b) => {
        const eni = b.add(T.eni, "counted-eni", { vswitchId: out(vswitch(b)), secondaryPrivateIpAddressCount: out(vm(b), "cpu") });
        b.add(T.association, "first", { allocationId: out(eip(b)), instanceId: out(eni), instanceType: "NetworkInterface", mode: "NAT" });
        b.add(T.association, "second", { allocationId: out(eip(b)), instanceId: out(eni), instanceType: "NetworkInterface", mode: "NAT" });
    },
    // clb-single-eip several-eips
    (b) => {
        const clb = b.add(T.clb, "clb", { addressType: "intranet", vswitchId: out(vswitch(b)) });
        b.add(T.association, "first", { allocationId: out(eip(b)), instanceId: out(clb), instanceType: "SlbInstance" });
        b.add(T.association, "second", { allocationId: out(eip(b)), instanceId: out(clb), instanceType: "SlbInstance" });
    },
    // havip-single-eip several-eips
    (b) => {
        const havip = b.add(T.havip, "havip", { vswitchId: out(vswitch(b)) });
        b.add(T.association, "first", { allocationId: out(eip(b)), instanceId: out(havip), instanceType: "HaVip" });
        b.add(T.association, "second", { allocationId: out(eip(b)), instanceId: out(havip), instanceType: "HaVip" });
    },
    // nat-gateway-eip-limit over-limit
    (b) => {
        const nat = b.add(T.nat, "busy-nat", { vswitchId: out(vswitch(b, "10.9.0.0/24")), natType: "Enhanced" });
        for (let i = 0; i < 21; i++) {
            b.add(T.association, "nat-eip", { allocationId: out(eip(b)), instanceId: out(nat), instanceType: "Nat" });
        }
    },
    // nat-gateway-vswitch-capacity vswitch-full
    (b) => {
        // In NAT mode each EIP takes an address of the gateway's vSwitch (without eipBindMode none does).
        const nat = b.add(T.nat, "nat", { vswitchId: out(vswitch(b, "10.9.0.0/29")), natType: "Enhanced", eipBindMode: "NAT" });
        for (let i = 0; i < 4; i++) {
            b.add(T.association, "nat-eip", { allocationId: out(eip(b)), instanceId: out(nat), instanceType: "Nat" });
        }
    },
    // alb-nlb-eip-per-zone zone-crowded
    (b) => {
        const zoneMappings = [0, 1].map(() => ({ zoneId: "cn-hangzhou-a", vswitchId: out(vswitch(b)), allocationId: out(eip(b)) }));
        b.add(T.alb, "crowded-alb", { addressType: "Internet", zoneMappings });
    },
    // eip-dnat-conflict eip-and-dnat
    (b) => {
        const subnet = vswitch(b);
        const server = b.add(T.instance, "vm", { vswitchId: out(subnet) });
        const nat = b.add(T.nat, "nat", { vswitchId: out(subnet), natType: "Enhanced" });
        b.add(T.association, "served", { allocationId: out(eip(b)), instanceId: out(server) });
        b.add(T.dnat, "dnat", {
            forwardTableId: out(nat, "forwardTableIds"),
            externalIp: "47.0.0.1",
            externalPort: "80",
            internalPort: "80",
            ipProtocol: "tcp",
            internalIp: out(server, "privateIp"),
        });
    },
    // ecs-eni-limit too-many-enis (an ecs.g7.large holds 3 ENIs), and the one types-not-checked note
    (b) => {
        for (const instanceType of ["ecs.g7.large", "ecs.g8i.large"]) {
            const server = b.add(T.instance, "vm", { vswitchId: out(vswitch(b)), instanceType });
            for (let n = 0; n < 3; n++) {
                b.add(T.attachment, "attach", { instanceId: out(server), networkInterfaceId: out(b.add(T.eni, "eni", { vswitchId: out(vswitch(b)) })) });
            }
        }
    },
    // eni-private-ip-limit over-type-limit (6 per ENI on an ecs.g7.large), primary-eni-over-type-limit, over-detached-limit
    (b) => {
        const server = b.add(T.instance, "vm", { vswitchId: out(vswitch(b)), instanceType: "ecs.g7.large", secondaryPrivateIpAddressCount: 6 });
        const eni = b.add(T.eni, "eni", { vswitchId: out(vswitch(b)), secondaryPrivateIpAddressCount: 6 });
        b.add(T.attachment, "attach", { instanceId: out(server), networkInterfaceId: out(eni) });
        b.add(T.eni, "spare-eni", { vswitchId: out(vswitch(b)), secondaryPrivateIpAddressCount: 50 });
    },
    // eip-clb-resource-group different-groups
    (b) => {
        const clb = b.add(T.clb, "clb", { addressType: "intranet", vswitchId: out(vswitch(b)), resourceGroupId: "rg-b" });
        b.add(T.association, "grouped", { allocationId: out(b.add(T.eip, "eip", { resourceGroupId: "rg-a" })), instanceId: out(clb), instanceType: "SlbInstance" });
    },
];

function vswitch(b: Builder, cidrBlock = "10.0.1.0/24"): Ref {
    return b.add(T.vswitch, "vsw", { cidrBlock, zoneId: "cn-hangzhou-a" });
}

function vm(b: Builder): Ref {
    return b.add(T.instance, "vm", { vswitchId: out(vswitch(b)) });
}

function eip(b: Builder): Ref {
    return b.add(T.eip, "eip", { bandwidth: "5" });
}

/** Every mistake `copies` times over, with names of about `nameLength` characters. */
export function noisyStack(copies: number, nameLength = 40): EngineResource[] {
    const b = new Builder(nameLength);
    for (let copy = 0; copy < copies; copy++) {
        for (const mistake of MISTAKES) {
            mistake(b);
        }
    }
    return b.resources;
}

/**
 * About `size` resources, nearly all associations whose EIP and target are both unknown and traced
 * to nothing: three findings each (the most any one resource draws), in three policies.
 */
export function unresolvedStack(size: number, nameLength = 40): EngineResource[] {
    const b = new Builder(nameLength);
    while (b.resources.length < size) {
        MISTAKES[0](b);
    }
    return b.resources;
}

/** About `size` associations binding EIPs outside the stack by literal id, to planned instances. */
export function literalEipStack(size: number, nameLength = 40): EngineResource[] {
    const b = new Builder(nameLength);
    while (b.resources.length < size) {
        MISTAKES[1](b);
    }
    return b.resources;
}
