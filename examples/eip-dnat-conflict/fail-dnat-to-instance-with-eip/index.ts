// The app server is published through a DNAT entry of the NAT gateway and is also given an EIP of
// its own (for SSH, say). An ECS instance cannot serve the Internet through both: if the DNAT entry
// is created first, the EIP association is refused (BIND_INSTANCE_HAVE_PORTMAP_OR_BIND_EIP); if the
// EIP comes first, the DNAT entry is created but cannot be reached. Remove one of the two.
import * as alicloud from "@pulumi/alicloud";

const vpc = new alicloud.vpc.Network("vpc", { vpcName: "app", cidrBlock: "10.0.0.0/16" });
const vswitch = new alicloud.vpc.Switch("app-vsw", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", zoneId: "cn-hangzhou-h" });
const sg = new alicloud.ecs.SecurityGroup("app-sg", { vpcId: vpc.id });

function server(name: string, privateIp: string) {
    return new alicloud.ecs.Instance(name, {
        instanceType: "ecs.g7.large",
        imageId: "ubuntu_22_04_x64_20G_alibase_20240101.vhd",
        vswitchId: vswitch.id,
        securityGroups: [sg.id],
        privateIp,
    });
}

// An Internet NAT gateway with one EIP, for SNAT and DNAT.
const nat = new alicloud.vpc.NatGateway("nat", { vpcId: vpc.id, vswitchId: vswitch.id, natType: "Enhanced", paymentType: "PayAsYouGo" });
const natIp = new alicloud.ecs.EipAddress("nat-ip", { addressName: "app-nat", bandwidth: "20" });
new alicloud.ecs.EipAssociation("nat-eip", { allocationId: natIp.id, instanceId: nat.id, instanceType: "Nat" });

const app = server("app", "10.0.1.20");
// DNAT: port 443 of the gateway's EIP to the app server.
new alicloud.vpc.ForwardEntry("app-dnat", {
    forwardTableId: nat.forwardTableIds,
    externalIp: natIp.ipAddress,
    externalPort: "443",
    internalIp: app.privateIp,
    internalPort: "443",
    ipProtocol: "tcp",
});

const appIp = new alicloud.ecs.EipAddress("app-ip", { addressName: "app", bandwidth: "5" });
new alicloud.ecs.EipAssociation("app-eip", { allocationId: appIp.id, instanceId: app.id });
