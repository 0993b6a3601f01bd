// The pack's messages in Terraform's words, for Terraform input (plans, states, .tf sources): the
// snake_case attribute names of the alicloud provider and its resource types.

import { ResourceKind } from "../../../core/resources";
import { Vocabulary } from "../../../core/terms";

/** The type a configuration written today uses for each kind (names.ts also reads the older ones). */
const TERRAFORM_TYPES: Readonly<Record<ResourceKind, string>> = {
    provider: 'provider "alicloud"',
    eip: "alicloud_eip_address",
    eipAssociation: "alicloud_eip_association",
    ecsInstance: "alicloud_instance",
    eni: "alicloud_ecs_network_interface",
    eniAttachment: "alicloud_ecs_network_interface_attachment",
    natGateway: "alicloud_nat_gateway",
    forwardEntry: "alicloud_forward_entry",
    vswitch: "alicloud_vswitch",
    vpc: "alicloud_vpc",
    clb: "alicloud_slb_load_balancer",
    alb: "alicloud_alb_load_balancer",
    nlb: "alicloud_nlb_load_balancer",
    havip: "alicloud_havip",
};

/** camelCase to the provider's snake_case: the inverse of `camel` (names.ts). */
export function snake(name: string): string {
    return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

export const TERRAFORM_WORDS: Vocabulary = {
    prop: snake,
    type: (kind) => TERRAFORM_TYPES[kind],
};
