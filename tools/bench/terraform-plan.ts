// A large Terraform plan for the offline checker's benchmark, written with the same model of
// Terraform's JSON that the checker's fixtures use (tools/fixtures/terraform-model.ts): fleets of
// instances with EIPs and associations, ENIs, NAT gateways with EIPs, vSwitches and security group
// rules, most of them counted, all created by the plan (unknown ids, references in `configuration`).

import { Spec, SpecResource, planOf, ref } from "../fixtures/terraform-model";

/** How many instances (and EIPs, associations, rules) the configuration of `size` resources has. */
export function fleetOf(size: number): number {
    return Math.max(1, Math.floor((size - 34) / 4));
}

/** The configuration of about `size` resource instances, for a plan or for sources. */
export function largeSpec(size: number): Spec {
    const fleet = fleetOf(size);
    const resources: SpecResource[] = [
        { type: "alicloud_vpc", name: "vpc", args: { vpc_name: "bench", cidr_block: "10.0.0.0/8" } },
        {
            type: "alicloud_vswitch",
            name: "vsw",
            count: 16,
            args: (n) => ({ vpc_id: ref("alicloud_vpc.vpc.id"), cidr_block: `10.${n}.0.0/16`, zone_id: `cn-hangzhou-${"hijk"[n % 4]}` }),
        },
        { type: "alicloud_security_group", name: "sg", args: { vpc_id: ref("alicloud_vpc.vpc.id") } },
        {
            type: "alicloud_security_group_rule",
            name: "rule",
            count: fleet,
            args: (n) => ({
                security_group_id: ref("alicloud_security_group.sg.id"),
                type: "ingress",
                ip_protocol: "tcp",
                port_range: `${1000 + n}/${1000 + n}`,
                cidr_ip: "0.0.0.0/0",
            }),
        },
        {
            type: "alicloud_instance",
            name: "web",
            count: fleet,
            args: (n) => ({
                instance_type: "ecs.g7.large",
                image_id: "ubuntu_22_04_x64_20G_alibase_20240101.vhd",
                vswitch_id: ref(`alicloud_vswitch.vsw[${n % 16}].id`),
                security_groups: [ref("alicloud_security_group.sg.id")],
                instance_name: `web-${n}`,
            }),
        },
        { type: "alicloud_eip_address", name: "web", count: fleet, args: (n) => ({ address_name: `web-${n}`, bandwidth: "10" }) },
        {
            type: "alicloud_eip_association",
            name: "web",
            count: fleet,
            args: { allocation_id: ref("alicloud_eip_address.web[count.index].id"), instance_id: ref("alicloud_instance.web[count.index].id") },
        },
        {
            type: "alicloud_nat_gateway",
            name: "nat",
            count: 16,
            args: (n) => ({ vpc_id: ref("alicloud_vpc.vpc.id"), vswitch_id: ref(`alicloud_vswitch.vsw[${n}].id`), nat_type: "Enhanced", payment_type: "PayAsYouGo" }),
        },
    ];
    return {
        name: "bench",
        description: "benchmark plan",
        providers: [{ key: "alicloud", region: "cn-hangzhou" }],
        resources,
        state: [],
    };
}

/** A plan of about `size` resource instances. */
export function largePlan(size: number): object {
    return planOf(largeSpec(size));
}
