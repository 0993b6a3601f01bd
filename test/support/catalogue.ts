// One plan that breaks every policy once, each in a corner of its own, with the names of the
// resources each policy must report: one per fault, its subject. Used to drive the pack end to end.

import { PolicyName } from "../../policypack/core/rule";
import { Plan } from "./plan";

export type Expected = Record<PolicyName, string[]>;

export function everyViolation(plan: Plan): Expected {
    const vswitch = (name: string, cidr = "10.0.1.0/24", zoneId = "cn-hangzhou-a") => plan.vswitch(name, cidr, { zoneId });
    const vm = (name: string, vsw = vswitch(`${name}-vsw`)) => plan.instance(name, { vswitchId: vsw.ref() });

    const shared = plan.eip("sb-eip");
    plan.associate("sb-a", shared, vm("sb-vm1"));
    plan.associate("sb-b", shared, vm("sb-vm2"));

    const beijing = plan.provider("beijing", "cn-beijing");
    plan.associate("sr-assoc", plan.eip("sr-eip", {}, { provider: beijing }), vm("sr-vm"));

    const eni = plan.add("eni", "st-eni", { vswitchId: vswitch("st-vsw").ref() });
    plan.associate("st-assoc", plan.eip("st-eip"), eni);

    const twoEips = vm("es-vm");
    plan.associate("es-a", plan.eip("es-eip1"), twoEips);
    plan.associate("es-b", plan.eip("es-eip2"), twoEips);

    const small = plan.add("eni", "ec-eni", { vswitchId: vswitch("ec-vsw").ref() });
    plan.associate("ec-a", plan.eip("ec-eip1"), small, { instanceType: "NetworkInterface" });
    plan.associate("ec-b", plan.eip("ec-eip2"), small, { instanceType: "NetworkInterface" });

    const busy = plan.add("natGateway", "nl-nat", { vswitchId: vswitch("nl-vsw").ref(), natType: "Enhanced" });
    for (let i = 0; i < 21; i++) {
        plan.associate(`nl-${String(i).padStart(2, "0")}`, plan.eip(`nl-eip${i}`), busy);
    }

    const tiny = vswitch("vc-vsw", "10.9.0.0/29");
    const crowded = plan.add("natGateway", "vc-nat", { vswitchId: tiny.ref(), natType: "Enhanced", eipBindMode: "NAT" });
    for (let i = 0; i < 4; i++) {
        plan.associate(`vc-${i}`, plan.eip(`vc-eip${i}`), crowded, { instanceType: "Nat" });
    }

    const zoneA = vswitch("az-vsw1", "10.2.1.0/24", "cn-hangzhou-a");
    const zoneA2 = vswitch("az-vsw2", "10.2.2.0/24", "cn-hangzhou-a");
    plan.add("alb", "az-alb", {
        addressType: "Internet",
        zoneMappings: [
            { zoneId: "cn-hangzhou-a", vswitchId: zoneA.ref(), allocationId: plan.eip("az-eip1").ref() },
            { zoneId: "cn-hangzhou-a", vswitchId: zoneA2.ref(), allocationId: plan.eip("az-eip2").ref() },
        ],
    });

    const clb = plan.add("clb", "cs-clb", { addressType: "intranet", vswitchId: vswitch("cs-vsw").ref() });
    plan.associate("cs-a", plan.eip("cs-eip1"), clb, { instanceType: "SlbInstance" });
    plan.associate("cs-b", plan.eip("cs-eip2"), clb, { instanceType: "SlbInstance" });

    const havip = plan.add("havip", "hs-havip", { vswitchId: vswitch("hs-vsw").ref() });
    plan.associate("hs-a", plan.eip("hs-eip1"), havip, { instanceType: "HaVip" });
    plan.associate("hs-b", plan.eip("hs-eip2"), havip, { instanceType: "HaVip" });

    const dcVswitch = vswitch("dc-vsw");
    const served = vm("dc-vm", dcVswitch);
    const dcNat = plan.add("natGateway", "dc-nat", { vswitchId: dcVswitch.ref(), natType: "Enhanced" });
    plan.associate("dc-assoc", plan.eip("dc-eip"), served);
    plan.add("forwardEntry", "dc-dnat", {
        forwardTableId: dcNat.ref("forwardTableIds"),
        externalIp: "47.0.0.1",
        externalPort: "80",
        internalPort: "80",
        ipProtocol: "tcp",
        internalIp: served.ref("privateIp"),
    });

    const rgClb = plan.add("clb", "rg-clb", { addressType: "intranet", vswitchId: vswitch("rg-vsw").ref(), resourceGroupId: "rg-b" });
    plan.associate("rg-assoc", plan.eip("rg-eip", { resourceGroupId: "rg-a" }), rgClb, { instanceType: "SlbInstance" });

    // An ecs.g7.large holds 3 ENIs and 6 private IPs per ENI (limits/instance-families.ts).
    const g7 = { instanceType: "ecs.g7.large" };
    const crowdedVm = plan.instance("el-vm", { vswitchId: vswitch("el-vsw").ref(), ...g7 });
    for (let i = 0; i < 3; i++) {
        const secondary = plan.add("eni", `el-eni${i}`, { vswitchId: vswitch(`el-vsw${i}`).ref() });
        plan.add("eniAttachment", `el-att${i}`, { instanceId: crowdedVm.ref(), networkInterfaceId: secondary.ref() });
    }
    const plVm = plan.instance("pl-vm", { vswitchId: vswitch("pl-vsw").ref(), ...g7 });
    const manyIps = plan.add("eni", "pl-eni", { vswitchId: vswitch("pl-eni-vsw").ref(), secondaryPrivateIpAddressCount: 6 });
    plan.add("eniAttachment", "pl-att", { instanceId: plVm.ref(), networkInterfaceId: manyIps.ref() });

    return {
        "eip-single-binding": ["sb-eip"],
        "eip-same-region": ["sr-assoc"],
        "eip-supported-target": ["st-assoc"],
        "ecs-single-eip": ["es-vm"],
        "eni-eip-capacity": ["ec-eni"],
        "ecs-eni-limit": ["el-vm"],
        "eni-private-ip-limit": ["pl-eni"],
        "nat-gateway-eip-limit": ["nl-nat"],
        "nat-gateway-vswitch-capacity": ["vc-nat"],
        "alb-nlb-eip-per-zone": ["az-alb"],
        "clb-single-eip": ["cs-clb"],
        "havip-single-eip": ["hs-havip"],
        "eip-dnat-conflict": ["dc-vm"],
        "eip-clb-resource-group": ["rg-assoc"],
    };
}
