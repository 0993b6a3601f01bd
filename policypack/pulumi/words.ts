// The pack's messages in Pulumi's words: property names as the Pulumi SDK spells them (the core's own
// names), and resource types by their SDK classes, as a Pulumi program writes them.

import { ResourceKind } from "../core/resources";
import { Vocabulary } from "../core/terms";

const PULUMI_CLASSES: Readonly<Record<ResourceKind, string>> = {
    provider: "alicloud.Provider",
    eip: "alicloud.ecs.EipAddress",
    eipAssociation: "alicloud.ecs.EipAssociation",
    ecsInstance: "alicloud.ecs.Instance",
    eni: "alicloud.ecs.EcsNetworkInterface",
    eniAttachment: "alicloud.ecs.EcsNetworkInterfaceAttachment",
    natGateway: "alicloud.vpc.NatGateway",
    forwardEntry: "alicloud.vpc.ForwardEntry",
    vswitch: "alicloud.vpc.Switch",
    vpc: "alicloud.vpc.Network",
    clb: "alicloud.slb.ApplicationLoadBalancer",
    alb: "alicloud.alb.LoadBalancer",
    nlb: "alicloud.nlb.LoadBalancer",
    havip: "alicloud.vpc.HaVipv2",
};

export const PULUMI_WORDS: Vocabulary = {
    prop: (name) => name,
    type: (kind) => PULUMI_CLASSES[kind],
};
