// Realistic stacks for the benchmark, as the engine sends them to AnalyzeStack at preview: a few
// VPCs cut into vSwitches, ECS fleets with EIPs, secondary ENIs, NAT gateways with EIPs and DNAT
// entries, ALBs and NLBs with an EIP per zone, security groups and other alicloud resources the pack
// does not read, a second region, and a sprinkling of violations. Most resources are new, so their
// ids and every reference to them are unknown; the rest exist and carry known ids.

import { EngineResource } from "../../policypack/testing/engine/analyzer";

const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export interface StackOptions {
    /** Total number of resources, providers and the root stack included (approximately). */
    readonly size: number;
    /** Share of resources that already exist (known ids); the rest are created by this preview. */
    readonly existingShare?: number;
    readonly seed?: number;
}

function random(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state * 1664525 + 1013904223) >>> 0;
        return state / 2 ** 32;
    };
}

class StackBuilder {
    readonly resources: EngineResource[] = [];
    private counter = 0;
    private readonly next: () => number;
    readonly providers: { urn: string; type: string; name: string; properties: Record<string, unknown> }[] = [];

    constructor(
        private readonly options: Required<Omit<StackOptions, "size">>,
        readonly project = "bench",
        readonly stack = "prod",
    ) {
        this.next = random(options.seed);
        const root = `urn:pulumi:${stack}::${project}::pulumi:pulumi:Stack::${project}-${stack}`;
        this.resources.push({ urn: root, type: "pulumi:pulumi:Stack", name: `${project}-${stack}`, properties: {} });
        for (const [name, region] of [
            ["default_3_108_0", "cn-hangzhou"],
            ["beijing", "cn-beijing"],
        ]) {
            const provider = { urn: this.urn("pulumi:providers:alicloud", name), type: "pulumi:providers:alicloud", name, properties: { region, version: "3.108.0" } };
            this.providers.push(provider);
            this.resources.push({ ...provider, properties: { ...provider.properties, id: `provider-${name}` } });
        }
    }

    get rootUrn(): string {
        return this.resources[0].urn;
    }

    urn(type: string, name: string): string {
        return `urn:pulumi:${this.stack}::${this.project}::${type}::${name}`;
    }

    chance(p: number): boolean {
        return this.next() < p;
    }

    /** Adds a resource; references are `{ ref: resource, attr? }` values, rendered as the engine would. */
    add(type: string, prefix: string, props: Record<string, unknown>, options: { region?: number; existing?: boolean } = {}): Ref {
        this.counter++;
        const name = `${prefix}-${this.counter}`;
        const existing = options.existing ?? this.chance(this.options.existingShare);
        const id = `${prefix}-${this.counter.toString(36).padStart(8, "0")}`;
        const propertyDependencies: Record<string, string[]> = {};
        const properties: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(props)) {
            const deps = new Set<string>();
            properties[key] = render(value, deps);
            propertyDependencies[key] = [...deps];
        }
        properties.id = existing ? id : UNKNOWN;
        const provider = this.providers[options.region ?? 0];
        const resource: EngineResource = {
            urn: this.urn(type, name),
            type,
            name,
            properties,
            parent: this.rootUrn,
            dependencies: [...new Set(Object.values(propertyDependencies).flat())],
            propertyDependencies,
            provider,
        };
        this.resources.push(resource);
        return { resource, id: existing ? id : UNKNOWN, existing };
    }
}

interface Ref {
    readonly resource: EngineResource;
    readonly id: string;
    readonly existing: boolean;
}

/** A reference to an output of another resource: its id, or another attribute. */
function ref(target: Ref, attribute = "id"): { ref: Ref; attribute: string } {
    return { ref: target, attribute };
}

function render(value: unknown, deps: Set<string>): unknown {
    if (typeof value === "object" && value !== null && "ref" in value && "attribute" in value) {
        const { ref: target, attribute } = value as { ref: Ref; attribute: string };
        deps.add(target.resource.urn);
        if (attribute === "id") {
            return target.id;
        }
        const known = target.resource.properties[attribute];
        return target.existing && known !== undefined ? known : UNKNOWN;
    }
    if (Array.isArray(value)) {
        return value.map((element) => render(element, deps));
    }
    if (typeof value === "object" && value !== null) {
        return Object.fromEntries(Object.entries(value).map(([key, element]) => [key, render(element, deps)]));
    }
    return value;
}

function tags(builder: StackBuilder, team: string): Record<string, string> {
    return { team, env: "prod", owner: `${team}@example.com`, costCenter: builder.chance(0.5) ? "cc-1" : "cc-2" };
}

const ECS_COMPUTED = {
    status: UNKNOWN,
    publicIp: UNKNOWN,
    primaryIpAddress: UNKNOWN,
    networkInterfaceId: UNKNOWN,
    cpu: UNKNOWN,
    memory: UNKNOWN,
    osName: UNKNOWN,
    osType: UNKNOWN,
    createTime: UNKNOWN,
    deploymentSetGroupNo: UNKNOWN,
    expiredTime: UNKNOWN,
    resourceGroupId: UNKNOWN,
    internetChargeType: UNKNOWN,
    internetMaxBandwidthIn: UNKNOWN,
    secondaryPrivateIps: UNKNOWN,
    secondaryPrivateIpAddressCount: UNKNOWN,
};

/** One building block of the stack: a VPC with its vSwitches, a fleet, ENIs, a NAT gateway, load balancers. */
function addSite(b: StackBuilder, site: number, region: number): void {
    const team = `team${site % 7}`;
    const vpc = b.add(
        "alicloud:vpc/network:Network",
        "vpc",
        { vpcName: `site-${site}`, cidrBlock: "10.0.0.0/8", tags: tags(b, team), routerId: UNKNOWN, routeTableId: UNKNOWN },
        { region },
    );
    const zones = ["a", "b", "c"].map((z) => `${region === 0 ? "cn-hangzhou" : "cn-beijing"}-${z}`);
    const vswitches = zones.map((zoneId, i) =>
        b.add(
            "alicloud:vpc/switch:Switch",
            "vsw",
            { vpcId: ref(vpc), cidrBlock: `10.${site % 250}.${i * 16}.0/20`, zoneId, vswitchName: `site-${site}-${i}`, tags: tags(b, team) },
            { region },
        ),
    );
    const sg = b.add(
        "alicloud:ecs/securityGroup:SecurityGroup",
        "sg",
        { vpcId: ref(vpc), securityGroupName: `site-${site}`, tags: tags(b, team), innerAccessPolicy: "Accept" },
        { region },
    );
    for (let r = 0; r < 4; r++) {
        b.add(
            "alicloud:ecs/securityGroupRule:SecurityGroupRule",
            "sgr",
            {
                securityGroupId: ref(sg),
                type: "ingress",
                ipProtocol: "tcp",
                portRange: `${80 + r}/${80 + r}`,
                cidrIp: "0.0.0.0/0",
                policy: "accept",
                priority: 1,
                nicType: "intranet",
            },
            { region },
        );
    }

    // An ECS fleet; most servers have an EIP.
    const servers: Ref[] = [];
    for (let i = 0; i < 12; i++) {
        const vsw = vswitches[i % 3];
        const server = b.add(
            "alicloud:ecs/instance:Instance",
            "vm",
            {
                instanceType: "ecs.g7.large",
                imageId: "ubuntu_22_04_x64_20G_alibase_20240101.vhd",
                vswitchId: ref(vsw),
                securityGroups: [ref(sg)],
                instanceName: `site-${site}-vm-${i}`,
                systemDiskCategory: "cloud_essd",
                systemDiskSize: 40,
                internetMaxBandwidthOut: b.chance(0.02) ? 10 : 0,
                privateIp: b.chance(0.3) ? `10.${site % 250}.${(i % 3) * 16}.${10 + i}` : UNKNOWN,
                tags: tags(b, team),
                userData: "IyEvYmluL2Jhc2gKZWNobyBoZWxsbwo=",
                ...ECS_COMPUTED,
            },
            { region },
        );
        servers.push(server);
        // Servers 6 to 8 are served through the NAT gateway's DNAT entries, so they take no EIP.
        if (i < 6 || i > 8 ? b.chance(0.6) : b.chance(0.01)) {
            const eip = b.add(
                "alicloud:ecs/eipAddress:EipAddress",
                "eip",
                {
                    addressName: `site-${site}-vm-${i}`,
                    bandwidth: "10",
                    internetChargeType: "PayByTraffic",
                    isp: "BGP",
                    tags: tags(b, team),
                    ipAddress: UNKNOWN,
                    status: UNKNOWN,
                    resourceGroupId: UNKNOWN,
                },
                { region },
            );
            b.add("alicloud:ecs/eipAssociation:EipAssociation", "assoc", { allocationId: ref(eip), instanceId: ref(server), instanceType: UNKNOWN, mode: UNKNOWN }, { region });
            if (b.chance(0.01)) {
                // A violation: a second EIP on the same primary NIC.
                const extra = b.add("alicloud:ecs/eipAddress:EipAddress", "eip", { addressName: "extra", bandwidth: "5" }, { region });
                b.add("alicloud:ecs/eipAssociation:EipAssociation", "assoc", { allocationId: ref(extra), instanceId: ref(server) }, { region });
            }
        }
    }

    // Secondary ENIs in NAT mode, with EIPs on their secondary private IPs.
    for (let i = 0; i < 2; i++) {
        const eni = b.add(
            "alicloud:ecs/ecsNetworkInterface:EcsNetworkInterface",
            "eni",
            {
                vswitchId: ref(vswitches[i]),
                securityGroupIds: [ref(sg)],
                secondaryPrivateIpAddressCount: 2,
                networkInterfaceName: `site-${site}-eni-${i}`,
                primaryIpAddress: UNKNOWN,
                privateIpAddresses: UNKNOWN,
                tags: tags(b, team),
            },
            { region },
        );
        b.add("alicloud:ecs/ecsNetworkInterfaceAttachment:EcsNetworkInterfaceAttachment", "eni-attach", { instanceId: ref(servers[i]), networkInterfaceId: ref(eni) }, { region });
        for (let k = 0; k < 2; k++) {
            const eip = b.add("alicloud:ecs/eipAddress:EipAddress", "eip", { addressName: `eni-${i}-${k}`, bandwidth: "5" }, { region });
            b.add(
                "alicloud:ecs/eipAssociation:EipAssociation",
                "assoc",
                { allocationId: ref(eip), instanceId: ref(eni), instanceType: "NetworkInterface", mode: "NAT" },
                { region },
            );
        }
    }

    // A NAT gateway with EIPs and DNAT entries.
    const nat = b.add(
        "alicloud:vpc/natGateway:NatGateway",
        "ngw",
        {
            vpcId: ref(vpc),
            vswitchId: ref(vswitches[2]),
            natType: "Enhanced",
            networkType: "internet",
            natGatewayName: `site-${site}`,
            forwardTableIds: UNKNOWN,
            snatTableIds: UNKNOWN,
            tags: tags(b, team),
        },
        { region },
    );
    const natEips: Ref[] = [];
    for (let k = 0; k < 4; k++) {
        const eip = b.add("alicloud:ecs/eipAddress:EipAddress", "eip", { addressName: `nat-${site}-${k}`, bandwidth: "50" }, { region });
        natEips.push(eip);
        b.add("alicloud:ecs/eipAssociation:EipAssociation", "assoc", { allocationId: ref(eip), instanceId: ref(nat), instanceType: "Nat" }, { region });
    }
    for (let k = 0; k < 3; k++) {
        const target = servers[6 + k];
        b.add(
            "alicloud:vpc/forwardEntry:ForwardEntry",
            "dnat",
            {
                forwardTableId: ref(nat, "forwardTableIds"),
                externalIp: ref(natEips[k % 4], "ipAddress"),
                externalPort: `${8080 + k}`,
                internalIp: ref(target, "privateIp"),
                internalPort: "80",
                ipProtocol: "tcp",
            },
            { region },
        );
    }
    b.add(
        "alicloud:vpc/snatEntry:SnatEntry",
        "snat",
        { snatTableId: ref(nat, "snatTableIds"), sourceVswitchId: ref(vswitches[0]), snatIp: ref(natEips[0], "ipAddress") },
        { region },
    );

    // An ALB and an NLB with one EIP per zone.
    for (const type of ["alicloud:alb/loadBalancer:LoadBalancer", "alicloud:nlb/loadBalancer:LoadBalancer"]) {
        const zoneMappings = vswitches.map((vsw, i) => ({
            zoneId: zones[i],
            vswitchId: ref(vsw),
            allocationId: ref(b.add("alicloud:ecs/eipAddress:EipAddress", "eip", { addressName: `lb-${site}-${i}`, bandwidth: "10" }, { region })),
        }));
        b.add(
            type,
            type.startsWith("alicloud:alb") ? "alb" : "nlb",
            { vpcId: ref(vpc), addressType: "Internet", loadBalancerName: `site-${site}`, zoneMappings, dnsName: UNKNOWN, tags: tags(b, team) },
            { region },
        );
    }

    // Other alicloud resources the pack does not read.
    for (let k = 0; k < 6; k++) {
        b.add("alicloud:oss/bucket:Bucket", "bucket", { bucket: `site-${site}-${k}`, acl: "private", tags: tags(b, team), versioning: { status: "Enabled" } }, { region });
    }
    b.add("alicloud:ram/role:Role", "role", { name: `site-${site}`, document: JSON.stringify({ Statement: [{ Action: "sts:AssumeRole", Effect: "Allow" }] }) }, { region });
}

/** A stack of roughly `size` resources. */
export function alicloudStack(options: StackOptions): EngineResource[] {
    const builder = new StackBuilder({ existingShare: options.existingShare ?? 0.2, seed: options.seed ?? 42 });
    let site = 0;
    while (builder.resources.length < options.size) {
        addSite(builder, site, site % 5 === 4 ? 1 : 0);
        site++;
    }
    return builder.resources;
}

/** A stack of `size` resources of another cloud: what an org-wide pack sees on most stacks. */
export function foreignStack(size: number): EngineResource[] {
    const resources: EngineResource[] = [{ urn: "urn:pulumi:prod::other::pulumi:pulumi:Stack::other-prod", type: "pulumi:pulumi:Stack", name: "other-prod", properties: {} }];
    const provider = {
        urn: "urn:pulumi:prod::other::pulumi:providers:aws::default_6_0_0",
        type: "pulumi:providers:aws",
        name: "default_6_0_0",
        properties: { region: "us-east-1", version: "6.0.0" },
    };
    resources.push({ ...provider, properties: { ...provider.properties, id: "p" } });
    for (let i = resources.length; i < size; i++) {
        const type = i % 3 === 0 ? "aws:s3/bucket:Bucket" : i % 3 === 1 ? "aws:ec2/instance:Instance" : "aws:iam/role:Role";
        resources.push({
            urn: `urn:pulumi:prod::other::${type}::r${i}`,
            type,
            name: `r${i}`,
            properties: { id: UNKNOWN, arn: UNKNOWN, name: `r${i}`, tags: { team: "web", env: "prod" }, instanceType: "t3.micro", ami: "ami-123", subnetId: UNKNOWN },
            propertyDependencies: { subnetId: [], name: [], tags: [] },
            provider,
            parent: resources[0].urn,
        });
    }
    return resources;
}
