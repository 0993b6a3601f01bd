// What the source reader evaluates without a cloud, and what it leaves unknown: literals, variables
// (defaults, tfvars in Terraform's order, --var-file), locals, templates, operators, conditionals,
// `for`, functions, count/for_each instances, references between resources (unknown ids with a
// dependency; configured arguments as written), dynamic blocks, and modules.

import { UNKNOWN } from "../../../policypack/core/values";
import { HEADER, project, read } from "./support";

const EIP = (name: string, body: string) => `resource "alicloud_eip_address" "${name}" {\n${body}\n}\n`;

describe("values known without a cloud", () => {
    test("literals, locals, templates, operators, conditionals and functions", () => {
        const { at } = read({
            "main.tf": `${HEADER}
locals {
  env    = "prod"
  sizes  = { prod = 100, dev = 5 }
  names  = [for n in range(3) : "ip-\${n}" if n != 1]
  upper  = { for k, v in local.sizes : upper(k) => v * 2 }
}
${EIP(
    "a",
    `  address_name = "web-\${local.env}"
  bandwidth    = tostring(local.sizes[local.env])
  isp          = local.env == "prod" ? "BGP_PRO" : "BGP"
  description  = join(",", local.names)
  tags         = { Env = local.env, Count = length(keys(local.upper)), Big = local.upper["PROD"] > 150 }
  payment_type = lookup(local.sizes, "qa", "none")`,
)}`,
        });
        expect(at("alicloud_eip_address.a").props).toMatchObject({
            addressName: "web-prod",
            bandwidth: "100",
            isp: "BGP_PRO",
            description: "ip-0,ip-2",
            tags: { Env: "prod", Count: 2, Big: true },
            paymentType: "none",
            id: UNKNOWN,
        });
    });

    test("a variable: its default, then terraform.tfvars, terraform.tfvars.json, *.auto.tfvars by name, then each --var-file", () => {
        const files = {
            "main.tf": `${HEADER}variable "name" {\n  default = "from-default"\n}\n${EIP("a", "  address_name = var.name")}`,
        };
        const name = (extra: Record<string, string>, varFiles: string[] = []) => {
            const dir = project({ ...files, ...extra });
            return read(
                { ...files, ...extra },
                varFiles.map((file) => ({ file: `${dir}/${file}` })),
            ).at("alicloud_eip_address.a").props.addressName;
        };
        expect(name({})).toBe("from-default");
        expect(name({ "terraform.tfvars": 'name = "tfvars"' })).toBe("tfvars");
        expect(name({ "terraform.tfvars": 'name = "tfvars"', "terraform.tfvars.json": '{"name": "tfvars-json"}' })).toBe("tfvars-json");
        expect(name({ "terraform.tfvars": 'name = "tfvars"', "b.auto.tfvars": 'name = "auto-b"', "a.auto.tfvars": 'name = "auto-a"' })).toBe("auto-b");
        expect(name({ "terraform.tfvars": 'name = "tfvars"', "a.auto.tfvars": 'name = "auto-a"', "other.tfvars": 'name = "given"' }, ["other.tfvars"])).toBe("given");
        expect(name({ "one.tfvars": 'name = "one"', "two.tfvars": 'name = "two"' }, ["two.tfvars", "one.tfvars"])).toBe("one");
    });

    test("TF_VAR_<name> under the files, --var and --var-file in the order given over both, as terraform plan reads them", () => {
        const files = {
            "main.tf": `${HEADER}variable "name" {\n  default = "from-default"\n}\n${EIP("a", "  address_name = var.name")}`,
        };
        const name = (extra: Record<string, string>, variables: ({ file: string } | { assignment: string })[], environment: Record<string, string> = {}) => {
            const dir = project({ ...files, ...extra });
            const args = variables.map((arg) => ("file" in arg ? { file: `${dir}/${arg.file}` } : arg));
            return read({ ...files, ...extra }, args, environment).at("alicloud_eip_address.a").props.addressName;
        };
        expect(name({}, [], { TF_VAR_name: "from-env" })).toBe("from-env");
        expect(name({ "terraform.tfvars": 'name = "tfvars"' }, [], { TF_VAR_name: "from-env" })).toBe("tfvars");
        expect(name({ "terraform.tfvars": 'name = "tfvars"' }, [{ assignment: "name=from-var" }])).toBe("from-var");
        expect(name({ "x.tfvars": 'name = "file"' }, [{ assignment: "name=from-var" }, { file: "x.tfvars" }])).toBe("file");
        expect(name({ "x.tfvars": 'name = "file"' }, [{ file: "x.tfvars" }, { assignment: "name=from-var" }])).toBe("from-var");
        // Everything after the first "=" is the value, spaces and further "=" included.
        expect(name({}, [{ assignment: "name=a = b" }])).toBe("a = b");
        // A TF_VAR_ variable the configuration does not declare is ignored, as Terraform ignores it.
        expect(name({}, [], { TF_VAR_other: "x", NAME: "y" })).toBe("from-default");
    });

    test("a value given as text is a literal string for primitive or untyped variables, an HCL expression for the others", () => {
        const main = [
            HEADER,
            'variable "untyped" {}\nvariable "text" {\n  type = string\n}\nvariable "size" {\n  type = number\n}\n',
            'variable "zones" {\n  type = list(string)\n}\nvariable "tags" {\n  type = map(string)\n}\n',
            EIP("a", "  address_name = var.untyped\n  description = var.text\n  bandwidth = var.size\n  isp = var.zones[1]\n  tags = var.tags"),
        ].join("");
        const eip = read({ "main.tf": main }, [{ assignment: 'untyped=["not", "a list"]' }, { assignment: "size=5" }, { assignment: 'zones=["cn-hangzhou-h", "cn-hangzhou-i"]' }], {
            TF_VAR_text: "{ literal }",
            TF_VAR_tags: '{ Env = "prod" }',
        }).at("alicloud_eip_address.a").props;
        expect(eip.addressName).toBe('["not", "a list"]');
        expect(eip.description).toBe("{ literal }");
        expect(eip.bandwidth).toBe(5);
        expect(eip.isp).toBe("cn-hangzhou-i");
        expect(eip.tags).toEqual({ Env: "prod" });
    });

    test("--var refuses what terraform plan refuses: no '=', an undeclared variable, a malformed expression", () => {
        const main = `${HEADER}variable "zones" {\n  type = list(string)\n}\n${EIP("a", "  isp = var.zones[0]")}`;
        expect(() => read({ "main.tf": main }, [{ assignment: "zones" }])).toThrow(/--var zones: is not a variable assignment/);
        expect(() => read({ "main.tf": main }, [{ assignment: "nope=1" }])).toThrow(/sets var\.nope, which the root module does not declare/);
        expect(() => read({ "main.tf": main }, [{ assignment: 'zones=["a",' }])).toThrow(/sets var\.zones to text that is not a valid expression for its type/);
    });

    test("a variable with no value is unknown, computed from the variable, and the file says so", () => {
        const { loaded, at } = read({ "main.tf": `${HEADER}variable "isp" {}\n${EIP("a", '  isp = var.isp\n  address_name = "x-${var.isp}"')}` });
        const eip = at("alicloud_eip_address.a");
        expect(eip.props.isp).toBe(UNKNOWN);
        expect(eip.props.addressName).toBe(UNKNOWN);
        expect(eip.propertyDependencies).toMatchObject({ isp: ["var.isp"], addressName: ["var.isp"] });
        expect(loaded.notes.join("\n")).toMatch(/var\.isp has no default and no value in a \.tfvars file, a TF_VAR_ variable or --var/);
    });

    test("what cannot be evaluated is unknown and still counts as computed, never as unset", () => {
        const { at } = read({
            "main.tf": `${HEADER}
data "alicloud_zones" "z" {}
${EIP(
    "a",
    `  isp          = timestamp()
  address_name = data.alicloud_zones.z.zones[0].id
  description  = path.module
  payment_type = formatdate("YYYY", "2026-01-01T00:00:00Z")`,
)}`,
        });
        const eip = at("alicloud_eip_address.a");
        for (const key of ["isp", "addressName", "description", "paymentType"]) {
            expect({ key, value: eip.props[key] }).toEqual({ key, value: UNKNOWN });
            expect(eip.propertyDependencies?.[key]?.length).toBeGreaterThan(0);
        }
        expect(eip.propertyDependencies?.addressName).toEqual(["data.alicloud_zones.z"]);
    });

    test("a variable whose type has optional attributes is unknown: Terraform fills in their defaults, which this checker does not", () => {
        const { at } = read({
            "main.tf": `${HEADER}variable "cfg" {\n  type    = object({ eips = optional(number, 2) })\n  default = {}\n}\n${EIP("ip", '  count = lookup(var.cfg, "eips", 1)')}`,
        });
        expect(() => at("alicloud_eip_address.ip[0]")).toThrow();
    });

    test("a variable is converted to its type: primitives, collections of them, sets distinct and sorted", () => {
        const { at } = read({
            "main.tf": `${HEADER}
variable "names" {
  type    = set(string)
  default = ["b", "a", "b"]
}
variable "bandwidth" {
  type    = string
  default = 10
}
variable "count" {
  type = number
}
variable "nested" {
  type    = list(set(string))
  default = [["b", "a"]]
}
${EIP("ip", '  for_each = var.names\n  bandwidth = var.bandwidth\n  description = "${length(var.names)}-${var.count + 1}"\n  isp = var.nested[0]')}`,
            "terraform.tfvars": 'count = "4"',
        });
        expect(at('alicloud_eip_address.ip["a"]').props).toMatchObject({ bandwidth: "10", description: "2-5", isp: UNKNOWN });
        expect(() => at('alicloud_eip_address.ip["c"]')).toThrow();
    });

    test("the length of a list of unknown values is known", () => {
        const { at } = read({
            "main.tf": `${HEADER}${EIP("ip", "  count = 2")}
locals {
  ids = alicloud_eip_address.ip.*.id
}
resource "alicloud_eip_association" "a" {
  count         = length(local.ids)
  allocation_id = local.ids[count.index]
  instance_id   = "i-1"
}`,
        });
        // An element of a local is computed from whatever the local is computed from (a plan, which
        // records only `local.ids`, knows less).
        expect(at("alicloud_eip_association.a[1]").propertyDependencies?.allocationId).toEqual(["alicloud_eip_address.ip[0]", "alicloud_eip_address.ip[1]"]);
    });

    test("a local that refers to itself is unknown", () => {
        const { at } = read({ "main.tf": `${HEADER}locals {\n  a = local.b\n  b = local.a\n}\n${EIP("a", "  address_name = local.a")}` });
        expect(at("alicloud_eip_address.a").props.addressName).toBe(UNKNOWN);
    });
});

describe("references between resources", () => {
    test("an id is unknown and a property dependency on the instance it names, as in a plan", () => {
        const { at } = read({
            "main.tf": `${HEADER}
${EIP("ip", "  count = 2")}
resource "alicloud_instance" "web" {
  count = 2
  instance_type = "ecs.g7.large"
  private_ip    = "10.0.1.\${count.index + 10}"
}
resource "alicloud_eip_association" "web" {
  count         = 2
  allocation_id = alicloud_eip_address.ip[count.index].id
  instance_id   = alicloud_instance.web[count.index].id
}
resource "alicloud_forward_entry" "dnat" {
  forward_table_id = "ftb-1"
  internal_ip      = alicloud_instance.web[1].private_ip
  external_ip      = alicloud_eip_address.ip[0].ip_address
}`,
        });
        const second = at("alicloud_eip_association.web[1]");
        expect(second.props.allocationId).toBe(UNKNOWN);
        expect(second.propertyDependencies).toEqual({ allocationId: ["alicloud_eip_address.ip[1]"], instanceId: ["alicloud_instance.web[1]"] });
        // An argument the other resource's configuration sets is planned as written; one it leaves unset is unknown.
        const dnat = at("alicloud_forward_entry.dnat");
        expect(dnat.props).toMatchObject({ internalIp: "10.0.1.11", externalIp: UNKNOWN });
        expect(dnat.propertyDependencies).toEqual({ internalIp: ["alicloud_instance.web[1]"], externalIp: ["alicloud_eip_address.ip[0]"] });
    });

    test("for_each over a map, a set and another resource's instances (each.value.id); splat", () => {
        const { at, loaded } = read({
            "main.tf": `${HEADER}
resource "alicloud_instance" "web" {
  for_each      = { a = "ecs.g7.large", b = "ecs.g7.xlarge" }
  instance_type = each.value
}
${EIP("ip", '  for_each = toset(["b", "a", "b"])\n  address_name = "ip-${each.key}"')}
resource "alicloud_eip_association" "web" {
  for_each      = alicloud_instance.web
  allocation_id = alicloud_eip_address.ip[each.key].id
  instance_id   = each.value.id
}
${EIP("counted", '  count = 2\n  address_name = "c-${count.index}"')}
resource "alicloud_nat_gateway" "nat" {
  vpc_id     = "vpc-1"
  vswitch_id = "vsw-1"
  description = join(",", [for ip in alicloud_eip_address.ip : ip.address_name])
  nat_type   = join(",", alicloud_eip_address.counted[*].address_name)
  specification = alicloud_eip_address.counted[*].id
}`,
        });
        expect(
            loaded.resources
                .filter((resource) => resource.kind !== "provider" && resource.address.includes("["))
                .map((resource) => resource.address)
                .sort(),
        ).toEqual([
            "alicloud_eip_address.counted[0]",
            "alicloud_eip_address.counted[1]",
            'alicloud_eip_address.ip["a"]',
            'alicloud_eip_address.ip["b"]',
            'alicloud_eip_association.web["a"]',
            'alicloud_eip_association.web["b"]',
            'alicloud_instance.web["a"]',
            'alicloud_instance.web["b"]',
        ]);
        expect(at('alicloud_instance.web["b"]').props.instanceType).toBe("ecs.g7.xlarge");
        expect(at('alicloud_eip_association.web["b"]').propertyDependencies).toEqual({
            allocationId: ['alicloud_eip_address.ip["b"]'],
            instanceId: ['alicloud_instance.web["b"]'],
        });
        expect(at("alicloud_nat_gateway.nat").props.description).toBe("ip-a,ip-b");
        expect(at("alicloud_nat_gateway.nat").props.natType).toBe("c-0,c-1");
        expect(at("alicloud_nat_gateway.nat").props.specification).toEqual([UNKNOWN, UNKNOWN]);
        expect(at("alicloud_nat_gateway.nat").propertyDependencies?.specification).toEqual(["alicloud_eip_address.counted[0]", "alicloud_eip_address.counted[1]"]);
    });

    test("count and for_each that are not known without a plan: the instances are not checked, and the file says so", () => {
        const { loaded } = read({
            "main.tf": `${HEADER}data "alicloud_zones" "z" {}\n${EIP("ip", "  count = length(data.alicloud_zones.z.ids)")}${EIP("named", "  for_each = alicloud_instance.nope")}`,
        });
        expect(loaded.resources.filter((resource) => resource.kind === "eip")).toEqual([]);
        expect(loaded.notes.join("\n")).toMatch(/alicloud_eip_address\.ip: its count is not known without a plan/);
        expect(loaded.notes.join("\n")).toMatch(/alicloud_eip_address\.named: its for_each is not known without a plan/);
    });

    test("nested blocks, static and dynamic, with dependencies per element as the plan reader gives them", () => {
        const { at } = read({
            "main.tf": `${HEADER}
locals {
  zones = { "cn-hangzhou-i" = "vsw-i", "cn-hangzhou-j" = "vsw-j" }
}
${EIP("h", "")}
resource "alicloud_alb_load_balancer" "alb" {
  vpc_id = "vpc-1"
  zone_mappings {
    zone_id       = "cn-hangzhou-h"
    vswitch_id    = "vsw-h"
    allocation_id = alicloud_eip_address.h.id
  }
  dynamic "zone_mappings" {
    for_each = local.zones
    content {
      zone_id    = zone_mappings.key
      vswitch_id = zone_mappings.value
    }
  }
}`,
        });
        const alb = at("alicloud_alb_load_balancer.alb");
        expect(alb.props.zoneMappings).toEqual([
            { zoneId: "cn-hangzhou-h", vswitchId: "vsw-h", allocationId: UNKNOWN },
            { zoneId: "cn-hangzhou-i", vswitchId: "vsw-i" },
            { zoneId: "cn-hangzhou-j", vswitchId: "vsw-j" },
        ]);
        expect(alb.propertyDependencies).toEqual({ "zoneMappings[0].allocationId": ["alicloud_eip_address.h"], zoneMappings: ["alicloud_eip_address.h"] });
    });

    test("blocks nested in blocks: written out, generated by a dynamic block inside a dynamic block's content, and unknown", () => {
        const { at } = read({
            "main.tf": `${HEADER}
variable "unknown" {}
locals {
  zones = { "cn-hangzhou-i" = ["a", "b"], "cn-hangzhou-j" = ["c"] }
}
${EIP("h", "")}
resource "alicloud_alb_load_balancer" "alb" {
  vpc_id = "vpc-1"
  zone_mappings {
    zone_id = "cn-hangzhou-h"
    load_balancer_addresses {
      allocation_id = alicloud_eip_address.h.id
    }
  }
  dynamic "zone_mappings" {
    for_each = local.zones
    iterator = zone
    content {
      zone_id = zone.key
      dynamic "load_balancer_addresses" {
        for_each = zone.value
        content {
          address_name = "\${zone.key}-\${load_balancer_addresses.value}"
        }
      }
    }
  }
}
resource "alicloud_alb_load_balancer" "later" {
  vpc_id = "vpc-1"
  zone_mappings {
    zone_id = "cn-hangzhou-h"
    dynamic "load_balancer_addresses" {
      for_each = var.unknown
      content {
        allocation_id = alicloud_eip_address.h.id
      }
    }
  }
}`,
        });
        const alb = at("alicloud_alb_load_balancer.alb");
        expect(alb.props.zoneMappings).toEqual([
            { zoneId: "cn-hangzhou-h", loadBalancerAddresses: [{ allocationId: UNKNOWN }] },
            { zoneId: "cn-hangzhou-i", loadBalancerAddresses: [{ addressName: "cn-hangzhou-i-a" }, { addressName: "cn-hangzhou-i-b" }] },
            { zoneId: "cn-hangzhou-j", loadBalancerAddresses: [{ addressName: "cn-hangzhou-j-c" }] },
        ]);
        // What a nested block is computed from counts for the field that holds it, as in a plan's references.
        expect(alb.propertyDependencies).toEqual({ "zoneMappings[0].loadBalancerAddresses": ["alicloud_eip_address.h"], zoneMappings: ["alicloud_eip_address.h"] });
        const later = at("alicloud_alb_load_balancer.later");
        expect(later.props.zoneMappings).toEqual([{ zoneId: "cn-hangzhou-h", loadBalancerAddresses: UNKNOWN }]);
        expect(later.propertyDependencies?.["zoneMappings[0].loadBalancerAddresses"]).toEqual(
            expect.arrayContaining(["var.unknown", "alicloud_eip_address.h", "dynamic.load_balancer_addresses"]),
        );
    });
});

describe("modules", () => {
    test("a local module's inputs, outputs, count and instance addresses", () => {
        const { at, loaded } = read({
            "main.tf": `${HEADER}
resource "alicloud_instance" "web" {
  instance_type = "ecs.g7.large"
}
module "ip" {
  source   = "./modules/ip"
  count    = 2
  name     = "ip-\${count.index}"
}
resource "alicloud_eip_association" "web" {
  allocation_id = module.ip[1].id
  instance_id   = alicloud_instance.web.id
}`,
            "modules/ip/main.tf": `variable "name" {}\n${EIP("this", "  address_name = var.name")}\noutput "id" {\n  value = alicloud_eip_address.this.id\n}\n`,
        });
        expect(at("module.ip[1].alicloud_eip_address.this").props.addressName).toBe("ip-1");
        expect(at("alicloud_eip_association.web").propertyDependencies?.allocationId).toEqual(["module.ip[1].alicloud_eip_address.this"]);
        expect(loaded.source?.("module.ip[0].alicloud_eip_address.this")).toEqual({ file: expect.stringMatching(/modules[\\/]ip[\\/]main\.tf$/), line: 2 });
    });

    test("providers: aliases, regions from variables, a module given an alias, a module inheriting the default", () => {
        const { at, loaded } = read({
            "providers.tf":
                'provider "alicloud" {\n  region = var.home\n}\nprovider "alicloud" {\n  alias  = "bj"\n  region = "cn-beijing"\n}\nvariable "home" {\n  default = "cn-shanghai"\n}\n',
            "main.tf": `${EIP("home", "")}${EIP("bj", "  provider = alicloud.bj")}
module "in_bj" {
  source    = "./m"
  providers = { alicloud = alicloud.bj }
}
module "at_home" {
  source = "./m"
}`,
            "m/main.tf": EIP("this", ""),
        });
        const region = (address: string) => loaded.resources.find((resource) => resource.address === at(address).provider)?.props.region;
        expect(region("alicloud_eip_address.home")).toBe("cn-shanghai");
        expect(region("alicloud_eip_address.bj")).toBe("cn-beijing");
        expect(region("module.in_bj.alicloud_eip_address.this")).toBe("cn-beijing");
        expect(region("module.at_home.alicloud_eip_address.this")).toBe("cn-shanghai");
        expect(at("alicloud_eip_address.bj").provider).toBe('provider["registry.terraform.io/aliyun/alicloud"].bj');
    });

    test("a provider with no region (from the environment) and an alias never configured", () => {
        const { at, loaded } = read({ "main.tf": `provider "alicloud" {}\n${EIP("a", "")}${EIP("b", "  provider = alicloud.nowhere")}` });
        const props = (address: string) => loaded.resources.find((resource) => resource.address === at(address).provider)?.props;
        expect(props("alicloud_eip_address.a")).toEqual({});
        expect(props("alicloud_eip_address.b")).toEqual({ region: UNKNOWN });
    });

    test("a registry module that terraform init downloaded is read from .terraform/modules, nested modules too", () => {
        const { at, loaded } = read({
            "main.tf": `${HEADER}module "eips" {\n  source  = "terraform-alicloud-modules/eip/alicloud"\n  version = "2.1.0"\n  name    = "edge"\n}\n`,
            ".terraform/modules/modules.json": JSON.stringify({
                Modules: [
                    { Key: "", Source: "", Dir: "." },
                    { Key: "eips", Source: "registry.terraform.io/terraform-alicloud-modules/eip/alicloud", Version: "2.1.0", Dir: ".terraform/modules/eips" },
                    { Key: "eips.inner", Source: "git::https://example.com/inner.git", Dir: ".terraform/modules/eips.inner" },
                ],
            }),
            ".terraform/modules/eips/main.tf": `variable "name" {}\n${EIP("this", "  address_name = var.name")}module "inner" {\n  source = "git::https://example.com/inner.git"\n}\n`,
            ".terraform/modules/eips.inner/main.tf": EIP("deep", ""),
        });
        expect(at("module.eips.alicloud_eip_address.this").props.addressName).toBe("edge");
        expect(at("module.eips.module.inner.alicloud_eip_address.deep").kind).toBe("eip");
        expect(loaded.notes).toEqual([]);
    });

    test("remote modules are skipped with a note saying what that hides; their outputs are unknown", () => {
        const { at, loaded } = read({
            "main.tf": `${HEADER}module "reg" {\n  source = "terraform-alicloud-modules/eip/alicloud"\n}\nmodule "git" {\n  source = "git::https://example.com/m.git"\n}\nmodule "gone" {\n  source = "./missing"\n}\n${EIP("a", "  address_name = module.reg.name")}`,
        });
        const notes = loaded.notes.join("\n");
        expect(notes).toMatch(
            /module\.reg \(source "terraform-alicloud-modules\/eip\/alicloud"\) is a registry module, which cannot be read offline \(nor was it downloaded here by terraform init\): the resources it creates were not checked, and its outputs are unknown/,
        );
        expect(notes).toMatch(/module\.git \(source "git::https:\/\/example\.com\/m\.git"\) is a remote module/);
        expect(notes).toMatch(/module\.gone \(source "\.\/missing"\) has no \.tf files/);
        expect(at("alicloud_eip_address.a").props.addressName).toBe(UNKNOWN);
        expect(at("alicloud_eip_address.a").propertyDependencies?.addressName).toEqual(["module.reg"]);
    });
});
