// A reserved EIP, allocated by hand so that its address survives the stack, is read with `.get()`
// and associated with a new server. The engine sends policies neither the read EIP nor its URN:
// to the pack the association names a literal allocation id outside the stack. The binding is
// valid; the EIP's region cannot be checked, which eip-same-region says in an advisory note.
import * as alicloud from "@pulumi/alicloud";

const vpc = new alicloud.vpc.Network("vpc", { vpcName: "web", cidrBlock: "10.0.0.0/16" });
const vswitch = new alicloud.vpc.Switch("web-vsw", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", zoneId: "cn-hangzhou-h" });
const sg = new alicloud.ecs.SecurityGroup("web-sg", { vpcId: vpc.id });
const server = new alicloud.ecs.Instance("web", {
    instanceType: "ecs.g7.large",
    imageId: "ubuntu_22_04_x64_20G_alibase_20240101.vhd",
    vswitchId: vswitch.id,
    securityGroups: [sg.id],
});

const reserved = alicloud.ecs.EipAddress.get("reserved-ip", "eip-bp1reservedip0001");
new alicloud.ecs.EipAssociation("web-eip", { allocationId: reserved.id, instanceId: server.id });
