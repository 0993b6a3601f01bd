// Random stacks for the property tests: every resource kind the pack knows (every Pulumi type of
// each), references by resource, by literal id and by unknown value with property dependencies,
// several providers and regions (some unset, some gone), random quotas in the configuration, and
// hostile values (nulls, wrong types, deep nesting, huge arrays, every unknown sentinel).
//
// fast-check draws a record of choices (small numbers, shrinking towards the simplest stack); `build`
// turns them into a StackSpec deterministically. Pools are small so that collisions (two bindings of
// one EIP, several EIPs on one target, a shared private IP) are frequent.
//
// Corners kept away from, on purpose:
// - ALB/NLB zone mappings whose unknown allocation ids (or vSwitch ids) would be pooled from the
//   dependencies of the whole list in a way that cannot be told apart (some mappings without an EIP,
//   or one EIP in two mappings): such a load balancer records per-element dependencies instead, as
//   Terraform gives them. The README documents that preview sees less there.
// - A literal id of a resource the stack is about to create (nobody can know it at preview).
// - An output other than the id (`instance.networkInterfaceId`) bound without the instanceType that
//   output needs: preview reads it as the instance, the update as an unknown id.

import * as fc from "fast-check";
import { ResourceKind } from "../../policypack/core/resources";
import { PULUMI_TYPE_KINDS } from "../../policypack/pulumi/types";
import { Computed, Ref, ResourceSpec, StackSpec } from "./spec";
import { SENTINELS } from "../support/sentinels";

export { SENTINELS };

function deep(depth: number): unknown {
    let value: unknown = { allocationId: "eip-deep", zoneId: "cn-hangzhou-a" };
    for (let i = 0; i < depth; i++) {
        value = i % 2 ? { nested: value } : [value];
    }
    return value;
}

/** Values of every shape a property may hold, sensible or not (JSON only: they must cross the wire). */
export const HOSTILE: readonly unknown[] = [
    null,
    "",
    "   ",
    0,
    -1,
    1.5,
    1e308,
    true,
    false,
    [],
    {},
    [null, "", 5, {}, []],
    { allocationId: 5 },
    "not-an-id",
    "eip-",
    "i-",
    "lb-",
    "10.0.0.0/33",
    "999.1.1.1/24",
    "10.0.0.0/29",
    "NAT",
    "Intranet",
    ...SENTINELS,
    SENTINELS,
    Object.fromEntries(SENTINELS.map((s, i) => [`k${i}`, s])),
    deep(60),
    Array.from({ length: 1500 }, (_, i) => ({ zoneId: `z${i % 3}`, vswitchId: SENTINELS[0], allocationId: i % 2 ? SENTINELS[0] : `eip-huge-${i}` })),
    Array.from({ length: 3000 }, (_, i) => `10.9.${i >> 8}.${i & 255}`),
    "x".repeat(50000),
];

const HOSTILE_KEYS = [
    "allocationId",
    "instanceId",
    "instanceType",
    "mode",
    "privateIpAddress",
    "vpcId",
    "vswitchId",
    "zoneMappings",
    "internetMaxBandwidthOut",
    "addressType",
    "networkType",
    "cidrBlock",
    "zoneId",
    "availabilityZone",
    "internalIp",
    "forwardTableId",
    "forwardTableIds",
    "privateIp",
    "primaryIpAddress",
    "privateIpAddresses",
    "privateIps",
    "secondaryPrivateIpAddressCount",
    "privateIpsCount",
    "secondaryPrivateIps",
    "resourceGroupId",
    "region",
    "launchTemplateId",
    "eipBindMode",
    "networkInterfaceId",
];
const ELEMENT_KEYS = ["allocationId", "vswitchId", "zoneId"];

/** A resource of the Pulumi program, not of alicloud: the pack skips it, but dependencies may name it. */
export const FOREIGN_URN = "urn:pulumi:dev::fuzz::random:index/randomString:RandomString::noise";

const TYPES_OF = new Map<ResourceKind, string[]>();
for (const [type, kind] of Object.entries(PULUMI_TYPE_KINDS)) {
    TYPES_OF.set(kind, [...(TYPES_OF.get(kind) ?? []), type]);
}

const ID_PREFIX: Partial<Record<ResourceKind, string>> = {
    eip: "eip-",
    ecsInstance: "i-",
    eni: "eni-",
    clb: "lb-",
    natGateway: "ngw-",
    havip: "havip-",
    alb: "alb-",
    nlb: "nlb-",
    vswitch: "vsw-",
    vpc: "vpc-",
    eniAttachment: "attach-",
    forwardEntry: "fwd-",
    eipAssociation: "assoc-",
};

const TARGET_KINDS = ["ecsInstance", "eni", "clb", "natGateway", "havip", "alb", "nlb", "eip"] as const;
const REQUIRED_TYPE: Record<string, string | undefined> = { ecsInstance: "EcsInstance", eni: "NetworkInterface", clb: "SlbInstance", natGateway: "Nat", havip: "HaVip" };

// ---------------------------------------------------------------------------------------------
// Choices

interface Cluster {
    kind: ResourceKind;
    pick: number;
    count: number;
    declared: boolean;
    mode: string | undefined;
    privateIps: boolean;
}

type By = "resource" | "known" | "outside" | "computed" | "unset";
interface RefChoice {
    by: By;
    pick: number;
    picks: number[];
}

const refChoice = (weights: Partial<Record<By, number>> = {}): fc.Arbitrary<RefChoice> => {
    const w = { resource: 8, known: 1, outside: 1, computed: 1, unset: 1, ...weights };
    const by = fc.oneof(...(Object.entries(w) as [By, number][]).filter(([, weight]) => weight > 0).map(([value, weight]) => ({ arbitrary: fc.constant(value), weight })));
    return fc.record({ by, pick: fc.nat(99), picks: fc.array(fc.nat(99), { maxLength: 3 }) });
};

const common = { provider: fc.nat(12), external: fc.oneof({ arbitrary: fc.constant(false), weight: 6 }, { arbitrary: fc.constant(true), weight: 1 }), type: fc.nat(3) };
const maybe = <T>(...values: T[]) => fc.constantFrom<T | undefined>(undefined, ...values);
const ipPick = fc.option(fc.nat(4), { nil: undefined });

const hostileEdit = fc.record({
    pick: fc.nat(999),
    own: fc.boolean(),
    key: fc.nat(HOSTILE_KEYS.length - 1),
    value: fc.constantFrom(...HOSTILE),
    element: fc.option(fc.record({ index: fc.nat(5), field: fc.nat(ELEMENT_KEYS.length - 1) }), { nil: undefined }),
});

const quota = (low: number, high: number) =>
    fc.oneof(
        { arbitrary: fc.constant(undefined), weight: 2 },
        { arbitrary: fc.integer({ min: low, max: high }), weight: 6 },
        { arbitrary: fc.constantFrom<unknown>("lots", 0, -3, 2.5, null, 100000, true, "5"), weight: 1 },
    );

export const groupChoices = fc.record({
    providers: fc.array(fc.record({ region: maybe<unknown>("cn-hangzhou", "cn-beijing", "cn-shanghai", " CN-Beijing ", SENTINELS[0], 7) }), { maxLength: 3 }),
    vpcs: fc.array(fc.record({ ...common }), { maxLength: 2 }),
    vswitches: fc.array(
        fc.record({
            ...common,
            cidr: maybe("10.0.1.0/24", "10.0.2.0/28", "10.0.3.0/29", "10.0.3.0/29", "10.0.4.0/30", "bad"),
            zone: maybe("a", "b", "c"),
            vpc: refChoice({ computed: 0 }),
        }),
        { maxLength: 4 },
    ),
    eips: fc.array(fc.record({ ...common, rg: maybe("rg-a", "rg-b") }), { maxLength: 8 }),
    instances: fc.array(
        fc
            .tuple(
                fc.record({
                    ...common,
                    vswitch: refChoice({ unset: 2 }),
                    template: fc.boolean(),
                    bandwidth: maybe<unknown>(0, 5, "10", "0", undefined),
                    privateIp: ipPick,
                    // Around the 6 private IPs per ENI of the small types below: met, and broken.
                    secondaryCount: maybe(1, 2, 5, 6),
                    secondaryList: fc.option(fc.array(fc.nat(4), { maxLength: 3 }), { nil: undefined }),
                    vpc: refChoice({ resource: 1, unset: 6, computed: 0 }),
                }),
                // Created on an existing ENI as its primary ENI (networkInterfaceId), now and then.
                fc.record(
                    {
                        primaryEni: fc.constantFrom<RefChoice | undefined>(
                            undefined,
                            undefined,
                            undefined,
                            undefined,
                            { by: "outside", pick: 0, picks: [] },
                            { by: "computed", pick: 0, picks: [0, 1] },
                        ),
                        // Documented types with 3 and 2 ENIs, one without a private IP column, one the table lacks.
                        instanceType: fc.constantFrom("ecs.g7.large", "ecs.g7.large", "ecs.g6.large", "ecs.g7a.large", "ecs.g8i.large"),
                    },
                    { requiredKeys: [] },
                ),
            )
            .map(([instance, extra]) => ({ ...instance, ...extra })),
        { maxLength: 4 },
    ),
    enis: fc.array(
        fc.record({
            ...common,
            vswitch: refChoice(),
            primary: ipPick,
            list: fc.option(fc.array(fc.nat(4), { maxLength: 3 }), { nil: undefined }),
            count: maybe<unknown>(0, 1, 2, 3, 0, 1, 2, 3, -1, 1.5, "2", 5, 6, 49, 50),
        }),
        { maxLength: 3 },
    ),
    // Up to four, enough to put more ENIs on one instance than its type holds.
    attachments: fc.array(fc.record({ ...common, instance: fc.nat(9), eni: fc.nat(9) }), { maxLength: 4 }),
    // Instances created on an ENI (networkInterfaceId: their primary ENI) or with one (networkInterfaces).
    enisAtCreation: fc.array(fc.record({ instance: fc.nat(9), eni: fc.nat(9), primary: fc.boolean() }), { maxLength: 1 }),
    // Declared order (dependsOn) between an attachment and an association: either way round.
    orders: fc.array(fc.record({ attachment: fc.nat(9), association: fc.nat(99), associationFirst: fc.boolean() }), { maxLength: 2 }),
    nats: fc.array(
        fc.record({
            ...common,
            vswitch: refChoice({ unset: 2 }),
            networkType: maybe("internet", "intranet", "Intranet"),
            vpc: refChoice({ unset: 3, computed: 0 }),
            // How it binds EIPs: unset (MULTI_BINDED), as the provider accepts it, in a case it refuses, or computed.
            bindMode: maybe("NAT", "NAT", "MULTI_BINDED", "nat", "computed"),
        }),
        { maxLength: 2 },
    ),
    clbs: fc.array(fc.record({ ...common, addressType: maybe("intranet", "intranet", "intranet", "internet", "Intranet"), vswitch: refChoice(), rg: maybe("rg-a", "rg-b") }), {
        maxLength: 2,
    }),
    havips: fc.array(fc.record({ ...common, vswitch: refChoice() }), { maxLength: 2 }),
    lbs: fc.array(
        fc.record({
            ...common,
            nlb: fc.boolean(),
            precise: fc.boolean(),
            mappings: fc.array(
                fc.record({
                    zone: fc.constantFrom<string | undefined>("a", "a", "b", "c", undefined),
                    vswitch: refChoice({ computed: 0 }),
                    eip: refChoice({ computed: 0, unset: 3 }),
                }),
                { maxLength: 4 },
            ),
        }),
        { maxLength: 2 },
    ),
    dnats: fc.array(fc.record({ ...common, table: refChoice({ known: 0 }), ip: refChoice({ known: 0, unset: 0 }), literalIp: fc.nat(4) }), { maxLength: 2 }),
    associations: fc.array(
        fc.record({
            ...common,
            eip: refChoice(),
            // ecsInstance, eni, clb, natGateway, havip, alb, nlb, eip
            kind: fc.constantFrom(0, 0, 0, 1, 1, 1, 2, 2, 3, 3, 3, 4, 4, 5, 6, 7),
            target: refChoice(),
            viaOutput: fc.oneof({ arbitrary: fc.constant(false), weight: 9 }, { arbitrary: fc.constant(true), weight: 1 }),
            instanceType: fc.oneof(
                { arbitrary: fc.constant("correct"), weight: 8 },
                { arbitrary: fc.constant("omit"), weight: 4 },
                { arbitrary: fc.constantFrom("EcsInstance", "NetworkInterface", "SlbInstance", "Nat", "HaVip", "IpAddress", "ecsinstance", "Bogus"), weight: 3 },
            ),
            mode: fc.constantFrom<string | undefined>(undefined, undefined, undefined, "NAT", "BINDED", "MULTI_BINDED", "binded", "Other"),
            privateIp: ipPick,
            vpcId: fc.boolean(),
        }),
        { maxLength: 12 },
    ),
    // Several EIPs bound to one target, so that the capacity rules meet their limits.
    clusters: fc.oneof(
        { arbitrary: fc.constant<Cluster[]>([]), weight: 3 },
        {
            arbitrary: fc.array<Cluster>(
                fc.record({
                    kind: fc.constantFrom<ResourceKind>("natGateway", "eni", "eni", "clb", "havip", "ecsInstance"),
                    pick: fc.nat(3),
                    count: fc.oneof({ arbitrary: fc.integer({ min: 2, max: 5 }), weight: 6 }, { arbitrary: fc.integer({ min: 18, max: 23 }), weight: 1 }),
                    declared: fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, { arbitrary: fc.constant(false), weight: 1 }),
                    mode: fc.constantFrom<string | undefined>(undefined, "NAT", "BINDED", "MULTI_BINDED", "MULTI_BINDED"),
                    privateIps: fc.boolean(),
                }),
                { minLength: 1, maxLength: 2 },
            ),
            weight: 2,
        },
    ),
    hostile: fc.oneof({ arbitrary: fc.constant([]), weight: 1 }, { arbitrary: fc.array(hostileEdit, { minLength: 1, maxLength: 4 }), weight: 1 }),
    noisyDeps: fc.array(fc.record({ pick: fc.nat(999), key: fc.nat(HOSTILE_KEYS.length - 1) }), { maxLength: 2 }),
});

export type GroupChoices = typeof groupChoices extends fc.Arbitrary<infer T> ? T : never;

export const stackChoices = fc.record({
    token: fc.integer({ min: 0x1000, max: 0xfffff }).map((n) => n.toString(16)),
    defaultRegion: fc.constantFrom<unknown>("cn-hangzhou", "cn-hangzhou", "cn-beijing", undefined),
    main: groupChoices,
    options: fc.record({ maxEips: quota(1, 6), maxMultiBindedEips: quota(1, 3), reportUndecided: fc.boolean() }),
});

export type StackChoices = typeof stackChoices extends fc.Arbitrary<infer T> ? T : never;

// ---------------------------------------------------------------------------------------------
// Building

export interface Built {
    readonly spec: StackSpec;
    /** Indices of the resources of each group. */
    readonly groups: number[][];
}

class Builder {
    readonly resources: ResourceSpec[] = [];
    private counter = 0;

    constructor(private readonly token: string) {}

    add(kind: ResourceKind, name: string, props: Record<string, unknown>, provider: ResourceSpec["provider"], external = false, typePick = 0): number {
        const types = TYPES_OF.get(kind)!;
        this.counter++;
        const id = `${ID_PREFIX[kind] ?? `${kind}-`}${this.token}${String(this.counter).padStart(4, "0")}`;
        this.resources.push({ kind, type: types[typePick % types.length], name, provider, external, id, props });
        return this.resources.length - 1;
    }

    group(g: number, choices: GroupChoices, defaultRegion: unknown): number[] {
        const start = this.resources.length;
        const tag = g === 0 ? "" : `u${g}-`;
        const ip = (n: number) => `10.${g}.0.${n + 1}`;
        const byKind = new Map<ResourceKind, number[]>();
        const register = (kind: ResourceKind, index: number) => byKind.set(kind, [...(byKind.get(kind) ?? []), index]);
        const of = (kind: ResourceKind) => byKind.get(kind) ?? [];
        const mine = () => Array.from({ length: this.resources.length - start }, (_, i) => start + i);

        // Providers: the default one (the stack's alicloud:region), and explicit ones.
        const defaultProvider = this.add("provider", `${tag}default_3_108_0`, defaultRegion === undefined ? {} : { region: defaultRegion }, undefined);
        const extra = choices.providers.map((p, i) => this.add("provider", `${tag}provider-${i}`, p.region === undefined ? {} : { region: p.region }, undefined));
        const providerOf = (n: number): ResourceSpec["provider"] =>
            n <= 6 ? defaultProvider : n <= 9 ? (extra.length > 0 ? extra[n % extra.length] : defaultProvider) : n === 10 ? "gone" : undefined;

        const outside = (kind: string, pick: number) => `${ID_PREFIX[kind as ResourceKind] ?? "x-"}out${g}-${pick % 3}`;
        /** A reference to a resource of `kinds`, chosen as `choice` says. */
        const reference = (choice: RefChoice, kinds: readonly ResourceKind[], outsideKind: string): unknown => {
            const candidates = kinds.flatMap(of);
            switch (choice.by) {
                case "resource":
                    return candidates.length > 0 ? new Ref(candidates[choice.pick % candidates.length]) : outside(outsideKind, choice.pick);
                case "known": {
                    const known = candidates.filter((index) => this.resources[index].external);
                    return known.length > 0 ? this.resources[known[choice.pick % known.length]].id : outside(outsideKind, choice.pick);
                }
                case "outside":
                    return outside(outsideKind, choice.pick);
                case "computed": {
                    const pool = mine().filter((index) => this.resources[index].kind !== "provider");
                    return new Computed(pool.length === 0 ? [] : [...new Set(choice.picks.map((n) => pool[n % pool.length]))]);
                }
                case "unset":
                    return undefined;
            }
        };
        const set = (props: Record<string, unknown>) => Object.fromEntries(Object.entries(props).filter(([, value]) => value !== undefined));

        choices.vpcs.forEach((c, i) => register("vpc", this.add("vpc", `${tag}vpc-${i}`, { cidrBlock: "10.0.0.0/8" }, providerOf(c.provider), c.external)));
        choices.vswitches.forEach((c, i) =>
            register(
                "vswitch",
                this.add(
                    "vswitch",
                    `${tag}vsw-${i}`,
                    set({ cidrBlock: c.cidr, zoneId: c.zone && `cn-hangzhou-${c.zone}`, vpcId: reference(c.vpc, ["vpc"], "vpc") }),
                    providerOf(c.provider),
                    c.external,
                ),
            ),
        );
        choices.eips.forEach((c, i) => register("eip", this.add("eip", `${tag}eip-${i}`, set({ resourceGroupId: c.rg }), providerOf(c.provider), c.external, c.type)));
        choices.instances.forEach((c, i) =>
            register(
                "ecsInstance",
                this.add(
                    "ecsInstance",
                    `${tag}vm-${i}`,
                    set({
                        vswitchId: reference(c.vswitch, ["vswitch"], "vswitch"),
                        launchTemplateId: c.template ? "lt-template" : undefined,
                        internetMaxBandwidthOut: c.bandwidth,
                        privateIp: c.privateIp === undefined ? undefined : ip(c.privateIp),
                        secondaryPrivateIpAddressCount: c.secondaryCount,
                        secondaryPrivateIps: c.secondaryList?.map((n) => ip(n + 10)),
                        vpcId: reference(c.vpc, ["vpc"], "vpc"),
                        networkInterfaceId: c.primaryEni === undefined ? undefined : reference(c.primaryEni, ["eni"], "eni"),
                        instanceType: c.instanceType ?? "ecs.g7.large",
                    }),
                    providerOf(c.provider),
                    c.external,
                ),
            ),
        );
        choices.enis.forEach((c, i) =>
            register(
                "eni",
                this.add(
                    "eni",
                    `${tag}eni-${i}`,
                    set({
                        vswitchId: reference(c.vswitch, ["vswitch"], "vswitch"),
                        primaryIpAddress: c.primary === undefined ? undefined : ip(c.primary),
                        privateIpAddresses: c.list?.map((n) => ip(n)),
                        secondaryPrivateIpAddressCount: c.count,
                    }),
                    providerOf(c.provider),
                    c.external,
                    c.type,
                ),
            ),
        );
        choices.attachments.forEach((c, i) => {
            const instances = of("ecsInstance");
            const enis = of("eni");
            this.add(
                "eniAttachment",
                `${tag}attach-${i}`,
                set({
                    instanceId: instances.length ? new Ref(instances[c.instance % instances.length]) : undefined,
                    networkInterfaceId: enis.length ? new Ref(enis[c.eni % enis.length]) : undefined,
                }),
                providerOf(c.provider),
                false,
                c.type,
            );
        });
        choices.nats.forEach((c, i) =>
            register(
                "natGateway",
                this.add(
                    "natGateway",
                    `${tag}nat-${i}`,
                    set({
                        vswitchId: reference(c.vswitch, ["vswitch"], "vswitch"),
                        networkType: c.networkType,
                        vpcId: reference(c.vpc, ["vpc"], "vpc"),
                        natType: "Enhanced",
                        eipBindMode: c.bindMode === "computed" ? reference({ by: "computed", pick: 0, picks: [0] }, [], "") : c.bindMode,
                    }),
                    providerOf(c.provider),
                    c.external,
                ),
            ),
        );
        choices.clbs.forEach((c, i) =>
            register(
                "clb",
                this.add(
                    "clb",
                    `${tag}clb-${i}`,
                    set({ addressType: c.addressType, vswitchId: reference(c.vswitch, ["vswitch"], "vswitch"), resourceGroupId: c.rg }),
                    providerOf(c.provider),
                    c.external,
                    c.type,
                ),
            ),
        );
        choices.havips.forEach((c, i) =>
            register("havip", this.add("havip", `${tag}havip-${i}`, set({ vswitchId: reference(c.vswitch, ["vswitch"], "vswitch") }), providerOf(c.provider), c.external, c.type)),
        );
        choices.lbs.forEach((c, i) => {
            const kind = c.nlb ? "nlb" : "alb";
            const mappings = c.mappings.map((m) =>
                set({ zoneId: m.zone && `cn-hangzhou-${m.zone}`, vswitchId: reference(m.vswitch, ["vswitch"], "vswitch"), allocationId: reference(m.eip, ["eip"], "eip") }),
            );
            const index = this.add(kind, `${tag}${kind}-${i}`, { addressType: "Internet", zoneMappings: mappings }, providerOf(c.provider), c.external);
            this.resources[index].preciseElementDeps = c.precise || !poolIsExact(this.resources, mappings);
            register(kind, index);
        });
        choices.dnats.forEach((c, i) => {
            const nats = of("natGateway");
            const instances = of("ecsInstance");
            const table =
                c.table.by === "resource" && nats.length > 0
                    ? new Ref(nats[c.table.pick % nats.length], "forwardTableIds")
                    : c.table.by === "resource"
                      ? undefined
                      : reference(c.table, ["natGateway"], "ftb");
            const internalIp =
                c.ip.by === "resource" && instances.length > 0
                    ? new Ref(instances[c.ip.pick % instances.length], "privateIp")
                    : c.ip.by === "computed"
                      ? reference(c.ip, [], "")
                      : ip(c.literalIp);
            this.add(
                "forwardEntry",
                `${tag}dnat-${i}`,
                set({ forwardTableId: table, internalIp, externalIp: "47.0.0.1", externalPort: "80", internalPort: "80", ipProtocol: "tcp" }),
                providerOf(c.provider),
                false,
            );
        });
        choices.associations.forEach((c, i) => {
            const kind = TARGET_KINDS[c.kind];
            const kinds: ResourceKind[] = [kind];
            let instanceId = reference(c.target, kinds, kind === "eip" ? "eip" : kind);
            let instanceType: string | undefined = c.instanceType === "omit" ? undefined : c.instanceType === "correct" ? REQUIRED_TYPE[kind] : c.instanceType;
            if (c.viaOutput && kind === "ecsInstance" && instanceId instanceof Ref && !this.resources[instanceId.to].external) {
                // instance.networkInterfaceId: the instance's primary ENI, bound as a NetworkInterface.
                instanceId = new Ref(instanceId.to, "networkInterfaceId");
                instanceType = "NetworkInterface";
            }
            const target = instanceId instanceof Ref ? this.resources[instanceId.to] : undefined;
            const privateIpAddress =
                c.privateIp === undefined
                    ? undefined
                    : target?.kind === "eni" && c.privateIp === 0 && typeof target.props.primaryIpAddress === "string"
                      ? target.props.primaryIpAddress
                      : ip(c.privateIp);
            this.add(
                "eipAssociation",
                `${tag}assoc-${i}`,
                set({ allocationId: reference(c.eip, ["eip"], "eip"), instanceId, instanceType, mode: c.mode, privateIpAddress, vpcId: c.vpcId ? "vpc-assoc" : undefined }),
                providerOf(c.provider),
                false,
            );
        });
        choices.clusters.forEach((cluster, c) => {
            const targets = of(cluster.kind);
            if (targets.length === 0) return;
            const target = targets[cluster.pick % targets.length];
            for (let n = 0; n < cluster.count; n++) {
                const eip = this.add("eip", `${tag}cluster-${c}-eip-${n}`, {}, defaultProvider);
                this.add(
                    "eipAssociation",
                    `${tag}cluster-${c}-${n}`,
                    set({
                        allocationId: new Ref(eip),
                        instanceId: new Ref(target),
                        instanceType: cluster.declared ? REQUIRED_TYPE[cluster.kind] : undefined,
                        mode: cluster.kind === "eni" ? cluster.mode : undefined,
                        privateIpAddress: cluster.kind === "eni" && cluster.privateIps ? ip(n) : undefined,
                    }),
                    defaultProvider,
                );
            }
        });
        for (const c of choices.enisAtCreation) {
            const instances = of("ecsInstance").filter((index) => !this.resources[index].external);
            const enis = of("eni");
            if (instances.length === 0 || enis.length === 0) continue;
            const instance = this.resources[instances[c.instance % instances.length]];
            const eni = new Ref(enis[c.eni % enis.length]);
            instance.props = { ...instance.props, ...(c.primary ? { networkInterfaceId: eni } : { networkInterfaces: { networkInterfaceId: eni } }) };
        }
        const associations = mine().filter((index) => this.resources[index].kind === "eipAssociation");
        const attachments = mine().filter((index) => this.resources[index].kind === "eniAttachment");
        for (const c of choices.orders) {
            if (associations.length === 0 || attachments.length === 0) continue;
            const association = associations[c.association % associations.length];
            const attachment = attachments[c.attachment % attachments.length];
            const [later, earlier] = c.associationFirst ? [attachment, association] : [association, attachment];
            this.resources[later].dependsOn = [...(this.resources[later].dependsOn ?? []), earlier];
        }
        const all = mine();
        for (const edit of choices.hostile) {
            const resource = this.resources[all[edit.pick % all.length]];
            // Half of the edits hit a property the resource has, the others any property the rules read.
            const present = Object.keys(resource.props);
            const key = edit.own && present.length > 0 ? present[edit.key % present.length] : HOSTILE_KEYS[edit.key];
            const list = resource.props.zoneMappings;
            if (edit.element !== undefined && Array.isArray(list) && list.length > 0) {
                const at = edit.element.index % list.length;
                resource.props.zoneMappings = list.map((m, j) =>
                    j === at && typeof m === "object" && m !== null && !Array.isArray(m) ? { ...m, [ELEMENT_KEYS[edit.element!.field]]: edit.value } : m,
                );
                resource.preciseElementDeps = true;
            } else {
                resource.props = { ...resource.props, [key]: edit.value };
            }
        }
        for (const noise of choices.noisyDeps) {
            // A property computed from a resource of another provider (random.RandomString): unknown in
            // both phases, with a dependency the pack cannot follow.
            const resource = this.resources[all[noise.pick % all.length]];
            const key = HOSTILE_KEYS[noise.key];
            if (key === "zoneMappings") continue;
            resource.props = { ...resource.props, [key]: new Computed([]) };
            resource.extraDeps = { ...(resource.extraDeps ?? {}), [key]: [FOREIGN_URN] };
        }
        return all;
    }
}

/**
 * Whether the unknown ids of a zone mapping list can be told from the dependencies of the whole
 * list at preview: no EIP referenced by a planned resource, or each mapping with its own planned
 * EIP; and no two mappings in one planned vSwitch.
 */
function poolIsExact(resources: readonly ResourceSpec[], mappings: readonly Record<string, unknown>[]): boolean {
    const planned = (value: unknown) => value instanceof Ref && !resources[value.to].external;
    const eipRefs = mappings.filter((m) => planned(m.allocationId)).map((m) => (m.allocationId as Ref).to);
    const unset = mappings.filter((m) => m.allocationId === undefined).length;
    const vswitchRefs = mappings.filter((m) => planned(m.vswitchId)).map((m) => (m.vswitchId as Ref).to);
    const eipsExact = eipRefs.length === 0 || (new Set(eipRefs).size === eipRefs.length && unset === 0);
    return eipsExact && new Set(vswitchRefs).size === vswitchRefs.length;
}

export function build(choices: StackChoices, unrelated?: GroupChoices): Built {
    const builder = new Builder(choices.token);
    const groups = [builder.group(0, choices.main, choices.defaultRegion)];
    if (unrelated !== undefined) {
        groups.push(builder.group(1, unrelated, choices.defaultRegion));
    }
    return { spec: { resources: builder.resources, options: { ...choices.options } }, groups };
}

/** Builds only the unrelated group, named and numbered as it is when built beside the main one. */
export function buildAlone(choices: StackChoices, unrelated: GroupChoices): Built {
    const builder = new Builder(choices.token);
    const scratch = builder.group(0, choices.main, choices.defaultRegion);
    const alone = builder.group(1, unrelated, choices.defaultRegion);
    const resources = alone.map((index) => builder.resources[index]);
    // Re-index references into the unrelated group's own positions.
    const offset = alone[0] ?? 0;
    void scratch;
    const shift = (value: unknown): unknown => {
        if (value instanceof Ref) return new Ref(value.to - offset, value.attribute);
        if (value instanceof Computed) return new Computed(value.from.map((index) => index - offset));
        if (Array.isArray(value)) return value.map(shift);
        if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shift(v)]));
        return value;
    };
    return {
        spec: {
            resources: resources.map((resource) => ({
                ...resource,
                props: shift(resource.props) as Record<string, unknown>,
                provider: typeof resource.provider === "number" ? resource.provider - offset : resource.provider,
                dependsOn: resource.dependsOn?.map((index) => index - offset),
            })),
            options: { ...choices.options },
        },
        groups: [resources.map((_, i) => i)],
    };
}

/**
 * Verdicts ("policy name") that preview and update may rightly differ on, both from an instanceId
 * read through a dependency at preview and as a known value after the update:
 * - the id of an instance, HAVIP or NLB with an instanceType that fits another output of that
 *   resource (its primary ENI, master instance, mapping ENI): at preview the value may be that output
 *   (nothing to prove), after the update it is the id, which the instanceType contradicts;
 * - another output (`instance.networkInterfaceId`): at preview it is traced to the instance, whose
 *   region it shares; after the update it is an id of nothing in the stack, whose region is unknown.
 *   Without instanceType "NetworkInterface" it is even read as the instance at preview: "*" then
 *   says the whole stack may differ.
 */
export function previewBlindSpots(spec: StackSpec): Set<string> {
    const alternatives: Record<string, string[]> = { ecsInstance: ["NetworkInterface"], havip: ["EcsInstance", "NetworkInterface"], nlb: ["NetworkInterface"] };
    const out = new Set<string>();
    for (const resource of spec.resources) {
        if (resource.kind !== "eipAssociation") continue;
        const target = resource.props.instanceId;
        const declared = resource.props.instanceType;
        if (!(target instanceof Ref) || spec.resources[target.to].external) continue;
        if (target.attribute === "id" && typeof declared === "string" && (alternatives[spec.resources[target.to].kind] ?? []).includes(declared)) {
            out.add(`eip-supported-target ${resource.name}`);
        }
        if (target.attribute !== "id") {
            out.add(`eip-same-region ${resource.name}`);
            if (declared !== "NetworkInterface") {
                // Bound as what it is not (a hostile edit dropped the instanceType): at preview it counts
                // as an EIP of the instance itself, for every policy about instances.
                out.add("*");
            }
        }
    }
    return out;
}
