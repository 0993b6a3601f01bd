// The benchmark's configuration (terraform-plan.ts largeSpec) written as Terraform sources two ways a
// person would write it: fleets with count, whose arguments are computed from count.index (a few
// kilobytes of HCL, evaluation dominates), and one block per resource instance in files of about 500
// blocks each (the most HCL there can be for it, parsing dominates).

const INSTANCE_ARGS = 'instance_type = "ecs.g7.large"\n  image_id = "ubuntu_22_04_x64_20G_alibase_20240101.vhd"';

function header(): string {
    return 'terraform {\n  required_providers {\n    alicloud = {\n      source = "aliyun/alicloud"\n    }\n  }\n}\n\nprovider "alicloud" {\n  region = "cn-hangzhou"\n}\n';
}

function network(): string {
    return `resource "alicloud_vpc" "vpc" {
  vpc_name   = "bench"
  cidr_block = "10.0.0.0/8"
}

resource "alicloud_vswitch" "vsw" {
  count      = 16
  vpc_id     = alicloud_vpc.vpc.id
  cidr_block = "10.\${count.index}.0.0/16"
  zone_id    = "cn-hangzhou-\${element(["h", "i", "j", "k"], count.index)}"
}

resource "alicloud_security_group" "sg" {
  vpc_id = alicloud_vpc.vpc.id
}

resource "alicloud_nat_gateway" "nat" {
  count        = 16
  vpc_id       = alicloud_vpc.vpc.id
  vswitch_id   = alicloud_vswitch.vsw[count.index].id
  nat_type     = "Enhanced"
  payment_type = "PayAsYouGo"
}
`;
}

/** Fleets written with count: `fleet` instances, EIPs, associations and security group rules. */
export function countedTree(fleet: number): Record<string, string> {
    return {
        "providers.tf": header(),
        "network.tf": network(),
        "fleet.tf": `variable "fleet" {
  default = ${fleet}
}

resource "alicloud_security_group_rule" "rule" {
  count             = var.fleet
  security_group_id = alicloud_security_group.sg.id
  type              = "ingress"
  ip_protocol       = "tcp"
  port_range        = "\${1000 + count.index}/\${1000 + count.index}"
  cidr_ip           = "0.0.0.0/0"
}

resource "alicloud_instance" "web" {
  count           = var.fleet
  ${INSTANCE_ARGS}
  vswitch_id      = alicloud_vswitch.vsw[count.index % 16].id
  security_groups = [alicloud_security_group.sg.id]
  instance_name   = "web-\${count.index}"
}

resource "alicloud_eip_address" "web" {
  count        = var.fleet
  address_name = "web-\${count.index}"
  bandwidth    = "10"
}

resource "alicloud_eip_association" "web" {
  count         = var.fleet
  allocation_id = alicloud_eip_address.web[count.index].id
  instance_id   = alicloud_instance.web[count.index].id
}
`,
    };
}

/** The same fleets, one block per instance, `perFile` instances' blocks to a file. */
export function explicitTree(fleet: number, perFile = 125): Record<string, string> {
    const files: Record<string, string> = { "providers.tf": header(), "network.tf": network() };
    for (let start = 0; start < fleet; start += perFile) {
        const blocks: string[] = [];
        for (let n = start; n < Math.min(fleet, start + perFile); n++) {
            blocks.push(
                `resource "alicloud_security_group_rule" "rule_${n}" {\n  security_group_id = alicloud_security_group.sg.id\n  type = "ingress"\n  ip_protocol = "tcp"\n  port_range = "${1000 + n}/${1000 + n}"\n  cidr_ip = "0.0.0.0/0"\n}`,
                `resource "alicloud_instance" "web_${n}" {\n  ${INSTANCE_ARGS}\n  vswitch_id = alicloud_vswitch.vsw[${n % 16}].id\n  security_groups = [alicloud_security_group.sg.id]\n  instance_name = "web-${n}"\n}`,
                `resource "alicloud_eip_address" "web_${n}" {\n  address_name = "web-${n}"\n  bandwidth = "10"\n}`,
                `resource "alicloud_eip_association" "web_${n}" {\n  allocation_id = alicloud_eip_address.web_${n}.id\n  instance_id = alicloud_instance.web_${n}.id\n}`,
            );
        }
        files[`fleet-${String(start / perFile).padStart(3, "0")}.tf`] = `${blocks.join("\n\n")}\n`;
    }
    return files;
}
