// What the mock provider reports for a resource once it exists: the outputs a stack is left with
// after `pulumi up`, which a later preview of the same stack starts from.
//
// The bridged alicloud provider ends every Create with a Read (aliyun/terraform-provider-alicloud
// resource_alicloud_*.go: `return resource...Read(d, meta)`), which fills every Optional+Computed
// attribute from the API: the ones a preview leaves unknown (computed.ts) all come back with the
// value the API chose, and the outputs a pack sees no longer tell what the program set from what
// Alibaba Cloud filled in. The values here are what the API answers for a resource created from
// these inputs: the account's default resource group, the instance type the provider inferred for an
// association, the address type a CLB gets without one, an EIP the system allocated for each zone
// of an Internet-facing ALB or NLB, and so on.

import { COMPUTED_AT_PREVIEW, COMPUTED_IN_ELEMENTS } from "./computed";

/** The resource group of every account, which a resource created without one is put in. */
export const DEFAULT_RESOURCE_GROUP = "rg-aek2mock0000001";

const pad = (serial: number, width: number) => String(serial).padStart(width, "0");
const privateIpOf = (serial: number) => `10.255.${Math.floor(serial / 250) % 250}.${(serial % 250) + 2}`;
const publicIpOf = (serial: number) => `47.96.${Math.floor(serial / 250) % 250}.${(serial % 250) + 2}`;

/** What the provider sends as InstanceType when the program sets none (resource_alicloud_eip_association.go Create). */
function inferredInstanceType(instanceId: unknown): string {
    const id = typeof instanceId === "string" ? instanceId : "";
    return id.startsWith("lb-") ? "SlbInstance" : id.startsWith("ngw-") ? "Nat" : "EcsInstance";
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The outputs of resources as they are deployed, one run's worth: later resources read the ones
 * they point at (an instance's VPC is its vSwitch's, an ENI binding's private IP is the ENI's).
 */
export class Deployment {
    private readonly byId = new Map<string, Record<string, unknown>>();

    /** The outputs of a resource of `type` created from `inputs` with `id`, the `serial`-th of the run. */
    outputs(type: string, inputs: Record<string, unknown>, serial: number, id: string): Record<string, unknown> {
        const outputs: Record<string, unknown> = { ...inputs };
        const fill = (key: string, value: unknown) => {
            if (outputs[key] === undefined || outputs[key] === null) {
                outputs[key] = value;
            }
        };
        const ip = privateIpOf(serial);
        switch (type) {
            case "alicloud:ecs/instance:Instance": {
                // Created on an existing ENI (networkInterfaceId), it takes that ENI's address and vSwitch.
                const primaryEni = this.lookup(outputs.networkInterfaceId);
                fill("privateIp", primaryEni?.primaryIpAddress ?? ip);
                fill("primaryIpAddress", outputs.privateIp);
                fill("vswitchId", primaryEni?.vswitchId);
                // Only an instance in a VPC has a primary ENI; one in the classic network reads back none.
                const inVpc = ["vswitchId", "launchTemplateId", "launchTemplateName"].some((key) => outputs[key] !== undefined && outputs[key] !== null && outputs[key] !== "");
                fill("networkInterfaceId", inVpc ? `eni-primary${pad(serial, 6)}` : "");
                fill("vswitchId", "");
                fill("vpcId", this.lookup(outputs.vswitchId)?.vpcId ?? "");
                fill("internetMaxBandwidthOut", 0);
                fill("internetChargeType", "PayByTraffic");
                fill("status", "Running");
                fill("publicIp", Number(outputs.internetMaxBandwidthOut) > 0 ? publicIpOf(serial) : "");
                fill("secondaryPrivateIps", secondaryIps(serial, Number(outputs.secondaryPrivateIpAddressCount) || 0));
                fill("secondaryPrivateIpAddressCount", (outputs.secondaryPrivateIps as unknown[]).length);
                break;
            }
            case "alicloud:ecs/ecsNetworkInterface:EcsNetworkInterface":
            case "alicloud:vpc/networkInterface:NetworkInterface": {
                fill("primaryIpAddress", outputs.privateIp ?? ip);
                fill("privateIp", outputs.primaryIpAddress);
                const count = Number(outputs.secondaryPrivateIpAddressCount ?? outputs.privateIpsCount) || 0;
                fill("privateIpAddresses", outputs.privateIps ?? secondaryIps(serial, count));
                fill("privateIps", outputs.privateIpAddresses);
                fill("secondaryPrivateIpAddressCount", (outputs.privateIpAddresses as unknown[]).length);
                fill("privateIpsCount", outputs.secondaryPrivateIpAddressCount);
                fill("networkInterfaceTrafficMode", "Standard");
                fill("instanceType", "Secondary");
                break;
            }
            case "alicloud:vpc/natGateway:NatGateway":
                fill("forwardTableIds", `ftb-${pad(serial, 8)}`);
                fill("snatTableIds", `stb-${pad(serial, 8)}`);
                fill("networkType", "internet");
                fill("natType", "Enhanced");
                // CreateNatGateway's default mode; the provider reads it back as the API reports it.
                fill("eipBindMode", "MULTI_BINDED");
                fill("specification", "Small");
                fill("internetChargeType", "PayByLcu");
                break;
            case "alicloud:ecs/eipAddress:EipAddress":
            case "alicloud:ecs/eip:Eip":
                fill("ipAddress", publicIpOf(serial));
                fill("isp", "BGP");
                fill("addressName", "");
                fill("status", "Available");
                break;
            case "alicloud:ecs/eipAssociation:EipAssociation": {
                fill("instanceType", inferredInstanceType(outputs.instanceId));
                fill("mode", "NAT");
                // DescribeEipAddresses reports the private IP an EIP on an ENI is bound to: the
                // primary one unless the association named another (resource_alicloud_eip_association.go Read).
                if (outputs.instanceType === "NetworkInterface") {
                    fill("privateIpAddress", this.lookup(outputs.instanceId)?.primaryIpAddress);
                }
                break;
            }
            case "alicloud:vpc/forwardEntry:ForwardEntry":
                fill("forwardEntryName", "");
                fill("forwardEntryId", `fwd-${pad(serial, 8)}`);
                fill("status", "Available");
                break;
            case "alicloud:vpc/switch:Switch":
                fill("zoneId", outputs.availabilityZone);
                break;
            case "alicloud:slb/loadBalancer:LoadBalancer":
            case "alicloud:slb/applicationLoadBalancer:ApplicationLoadBalancer":
                // A CLB is internal-facing exactly when it is created in a vSwitch.
                fill("addressType", typeof outputs.vswitchId === "string" && outputs.vswitchId !== "" ? "intranet" : "internet");
                fill("address", outputs.addressType === "intranet" ? ip : publicIpOf(serial));
                break;
            case "alicloud:alb/loadBalancer:LoadBalancer":
            case "alicloud:nlb/loadBalancer:LoadBalancer":
                fill("dnsName", `${id}.cn-hangzhou.${type.includes("alb") ? "alb" : "nlb"}.aliyuncs.com`);
                outputs.zoneMappings = zoneMappingsOf(type, outputs, serial);
                break;
            case "alicloud:ram/accessKey:AccessKey":
                // A provider may be configured with a key the stack creates.
                fill("secret", `mock-secret-${pad(serial, 8)}`);
                fill("status", "Active");
                break;
            case "alicloud:vpc/haVipv2:HaVipv2":
            case "alicloud:vpc/hAVip:HAVip":
                fill("ipAddress", ip);
                break;
        }
        for (const key of COMPUTED_AT_PREVIEW[type] ?? []) {
            if (key === "resourceGroupId") {
                fill(key, DEFAULT_RESOURCE_GROUP);
            }
        }
        this.byId.set(id, outputs);
        return outputs;
    }

    private lookup(id: unknown): Record<string, unknown> | undefined {
        return typeof id === "string" ? this.byId.get(id) : undefined;
    }
}

function secondaryIps(serial: number, count: number): string[] {
    return Array.from({ length: count }, (_, n) => `10.254.${serial % 250}.${n + 2}`);
}

/**
 * An Internet-facing ALB or NLB holds an EIP in every zone: the one a mapping names, or one the
 * system allocates (the provider reads it back into `allocationId`); an internal-facing one holds none.
 */
function zoneMappingsOf(type: string, outputs: Record<string, unknown>, serial: number): unknown {
    const list = outputs.zoneMappings;
    if (!Array.isArray(list)) {
        return list;
    }
    const internet = typeof outputs.addressType === "string" && outputs.addressType.toLowerCase() === "internet";
    const fields = COMPUTED_IN_ELEMENTS[type]?.zoneMappings ?? [];
    return list.map((element: unknown, index) => {
        if (!isRecord(element)) {
            return element;
        }
        const mapping: Record<string, unknown> = { ...element };
        for (const field of fields) {
            if (mapping[field] !== undefined && mapping[field] !== null) {
                continue;
            }
            if (field === "allocationId") {
                mapping[field] = internet ? `eip-system${pad(serial, 4)}${index}` : "";
            } else if (field === "eipType") {
                mapping[field] = internet ? "Common" : "";
            } else {
                mapping[field] = `10.253.${serial % 250}.${index + 2}`;
            }
        }
        return mapping;
    });
}
