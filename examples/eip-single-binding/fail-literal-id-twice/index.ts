// An EIP allocated outside this stack is referenced by its literal allocation id, and the line was
// copied for the second server. The same EIP would be associated with both servers, and the second
// association fails. (The EIP's region cannot be checked because it is not in the stack, so
// eip-same-region adds an advisory note to each association.)
import * as alicloud from "@pulumi/alicloud";

const vpc = new alicloud.vpc.Network("vpc", { vpcName: "api", cidrBlock: "10.0.0.0/16" });
const vswitch = new alicloud.vpc.Switch("api-vsw", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", zoneId: "cn-hangzhou-h" });
const sg = new alicloud.ecs.SecurityGroup("api-sg", { vpcId: vpc.id });

const existingEip = "eip-bp1k4rqjd5yk8a2b3c4d5";

for (const name of ["api-a", "api-b"]) {
    const server = new alicloud.ecs.Instance(name, {
        instanceType: "ecs.g7.large",
        imageId: "ubuntu_22_04_x64_20G_alibase_20240101.vhd",
        vswitchId: vswitch.id,
        securityGroups: [sg.id],
    });
    new alicloud.ecs.EipAssociation(`${name}-eip`, { allocationId: existingEip, instanceId: server.id });
}
