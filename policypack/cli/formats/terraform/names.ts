// Terraform's names to Pulumi's: which alicloud resource types are which kind of resource, and the
// camelCase Pulumi gives the snake_case attributes.

import { ResourceKind } from "../../../core/resources";
import { isRecord } from "../../../core/values";

/** Terraform resource types of the alicloud provider, and the kind each one is. */
export const TERRAFORM_TYPE_KINDS: Readonly<Record<string, ResourceKind>> = {
    alicloud_eip_address: "eip",
    alicloud_eip: "eip",
    alicloud_eip_association: "eipAssociation",
    alicloud_instance: "ecsInstance",
    alicloud_ecs_network_interface: "eni",
    alicloud_network_interface: "eni",
    alicloud_ecs_network_interface_attachment: "eniAttachment",
    alicloud_network_interface_attachment: "eniAttachment",
    alicloud_nat_gateway: "natGateway",
    alicloud_forward_entry: "forwardEntry",
    alicloud_vswitch: "vswitch",
    alicloud_vpc: "vpc",
    alicloud_slb_load_balancer: "clb",
    alicloud_slb: "clb",
    alicloud_alb_load_balancer: "alb",
    alicloud_nlb_load_balancer: "nlb",
    alicloud_havip: "havip",
    alicloud_vpc_ha_vip: "havip",
};

export function kindOfTerraformType(type: string): ResourceKind | undefined {
    return Object.prototype.hasOwnProperty.call(TERRAFORM_TYPE_KINDS, type) ? TERRAFORM_TYPE_KINDS[type] : undefined;
}

const camelNames = new Map<string, string>();

/** snake_case to the camelCase Pulumi uses for the same attribute (the bridge's generic rule). */
export function camel(name: string): string {
    let converted = camelNames.get(name);
    if (converted === undefined) {
        converted = name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
        camelNames.set(name, converted);
    }
    return converted;
}

/**
 * Attribute names to Pulumi's: the resource's own attributes and those inside nested blocks (arrays
 * of objects) are renamed; an object that is the value of an attribute is a map (tags) and keeps its
 * keys, which are the user's.
 */
export function pulumiNames(values: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(values)) {
        out[camel(key)] = Array.isArray(value) ? (value as unknown[]).map((element) => (isRecord(element) ? pulumiNames(element) : element)) : value;
    }
    return out;
}
