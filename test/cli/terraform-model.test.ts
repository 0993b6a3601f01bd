// The Terraform front end on small plans and states written here: the resources, providers, regions
// and property dependencies it hands the core, and the refusals, stated exactly. The pieces on their
// own (traversal, overlayUnknown, matchBlocks) are in terraform.test.ts; edge cases of theirs here.

import {
    checkFormatVersion,
    fromTerraformPlan,
    fromTerraformState,
    keySuffix,
    kindOfTerraformType,
    matchBlocks,
    overlayUnknown,
    traversal,
} from "../../policypack/cli/formats/terraform";
import { ResourceInput } from "../../policypack/core/resources";
import { UNKNOWN } from "../../policypack/core/values";
import { problemOf } from "./support";

const ALICLOUD = "registry.terraform.io/aliyun/alicloud";
const DEFAULT_PROVIDER = `provider["${ALICLOUD}"]`;

interface Planned {
    address: string;
    type: string;
    name: string;
    values?: Record<string, unknown>;
    index?: number | string;
    mode?: string;
    provider_name?: string;
}

/** A planned resource; the address's last part (after the type) is its name, with any index. */
function planned(address: string, values: Record<string, unknown> = {}, extra: Partial<Planned> = {}): Planned {
    const local = address.replace(/^(module\.[^.]+(\[[^\]]+\])?\.)+/, "").replace(/^data\./, "");
    const [type, rest] = [local.slice(0, local.indexOf(".")), local.slice(local.indexOf(".") + 1)];
    const bracket = rest.indexOf("[");
    const name = bracket < 0 ? rest : rest.slice(0, bracket);
    const index = bracket < 0 ? undefined : JSON.parse(rest.slice(bracket + 1, -1));
    return { address, mode: address.includes("data.") ? "data" : "managed", type, name, provider_name: ALICLOUD, values, ...(index === undefined ? {} : { index }), ...extra };
}

function config(address: string, expressions: Record<string, unknown>, extra: Record<string, unknown> = {}) {
    const local = address.replace(/^data\./, "");
    const type = local.slice(0, local.indexOf("."));
    return {
        address,
        mode: address.startsWith("data.") ? "data" : "managed",
        type,
        name: local.slice(local.indexOf(".") + 1),
        provider_config_key: "alicloud",
        expressions,
        ...extra,
    };
}

const refs = (...references: string[]) => ({ references });
const constant = (value: unknown) => ({ constant_value: value });

function load(doc: Record<string, unknown>): ReturnType<typeof fromTerraformPlan> {
    return fromTerraformPlan("plan.json", { format_version: "1.2", ...doc }, JSON.stringify(doc, null, 2));
}

function planOf(resources: Planned[], configuration?: Record<string, unknown>, extra: Record<string, unknown> = {}) {
    return load({ planned_values: { root_module: { resources } }, ...(configuration === undefined ? {} : { configuration }), ...extra });
}

const byAddress = (resources: readonly ResourceInput[], address: string) => resources.find((resource) => resource.address === address);
const depsOf = (resources: readonly ResourceInput[], address: string) => byAddress(resources, address)?.propertyDependencies;

describe("format versions", () => {
    test.each(["0.1", "0.2", "1.0", "1.2", "1.10"])("%s is read", (version) => {
        expect(() => checkFormatVersion("p.json", { format_version: version }, "Terraform plan")).not.toThrow();
        expect(planOf([]).format).toBe("terraform-plan");
    });

    test.each([
        ["2.0", '"2.0"'],
        ["1", '"1"'],
        ["1.2.3", '"1.2.3"'],
        ["v1.2", '"v1.2"'],
        [1.2, "1.2"],
        [null, "null"],
    ])("%j is refused, naming the document", (version, shown) => {
        expect(problemOf(() => checkFormatVersion("p.json", { format_version: version }, "Terraform state"))).toBe(
            `p.json: is a Terraform state with format_version ${shown}, which this checker does not know: it reads Terraform's JSON format 0.x and 1.x (terraform show -json of Terraform 0.12 and later). A newer major version may have changed the format; please report it.`,
        );
    });

    test("a missing format_version is refused too", () => {
        expect(problemOf(() => fromTerraformState("s.json", { terraform_version: "1.9.8" }, "{}"))).toMatch(/^s\.json: is a Terraform state with format_version undefined, which/);
    });
});

describe("kinds", () => {
    test("the alicloud types the rules read, and nothing else (not even Object's own keys)", () => {
        expect(kindOfTerraformType("alicloud_eip")).toBe("eip");
        expect(kindOfTerraformType("alicloud_vpc_ha_vip")).toBe("havip");
        expect(kindOfTerraformType("alicloud_security_group")).toBeUndefined();
        expect(kindOfTerraformType("toString")).toBeUndefined();
        expect(kindOfTerraformType("constructor")).toBeUndefined();
    });
});

describe("plans", () => {
    test("resources with Pulumi names, their provider, references as property dependencies, unknowns marked", () => {
        const loaded = planOf(
            [
                planned("alicloud_eip_address.ip", { bandwidth: "10", tags: { team_name: "web" } }),
                planned("alicloud_instance.web", { instance_type: "ecs.g7.large" }),
                planned("alicloud_eip_association.bind", { instance_type: "EcsInstance" }),
                planned("alicloud_security_group.sg"),
                planned("data.alicloud_zones.all", { ids: ["a"] }),
            ],
            {
                provider_config: { alicloud: { name: "alicloud", full_name: ALICLOUD, expressions: { region: constant("cn-hangzhou") } } },
                root_module: {
                    resources: [
                        config("alicloud_eip_address.ip", { bandwidth: constant("10") }),
                        config("alicloud_instance.web", {
                            security_groups: refs("alicloud_security_group.sg.id", "alicloud_security_group.sg"),
                            availability_zone: refs("data.alicloud_zones.all.ids[0]", "data.alicloud_zones.all"),
                        }),
                        config("alicloud_eip_association.bind", {
                            allocation_id: refs("alicloud_eip_address.ip.id", "alicloud_eip_address.ip"),
                            instance_id: refs("alicloud_instance.web.id", "alicloud_instance.web"),
                            instance_type: constant("EcsInstance"),
                            private_ip_address: {},
                        }),
                    ],
                },
            },
            {
                resource_changes: [
                    { address: "alicloud_eip_address.ip", change: { after_unknown: { id: true, ip_address: true, bandwidth: false, tags: {} } } },
                    { address: "alicloud_eip_association.bind", change: { after_unknown: { allocation_id: true, instance_id: true, id: true } } },
                    { address: "alicloud_eip_association.bind", deposed: "0f1", change: { after_unknown: { instance_type: true } } },
                    { address: "alicloud_instance.web", change: "not a change" },
                    "junk",
                ],
            },
        );
        expect(loaded.file).toBe("plan.json");
        expect(loaded.format).toBe("terraform-plan");
        expect(loaded.totalResources).toBe(4);
        expect(loaded.notes).toEqual([]);
        expect(loaded.resources).toEqual([
            { address: DEFAULT_PROVIDER, name: "alicloud", kind: "provider", type: "provider", props: { region: "cn-hangzhou" } },
            {
                address: "alicloud_eip_address.ip",
                name: "alicloud_eip_address.ip",
                kind: "eip",
                type: "alicloud_eip_address",
                props: { bandwidth: "10", tags: { team_name: "web" }, id: UNKNOWN, ipAddress: UNKNOWN },
                provider: DEFAULT_PROVIDER,
                propertyDependencies: {},
            },
            {
                address: "alicloud_instance.web",
                name: "alicloud_instance.web",
                kind: "ecsInstance",
                type: "alicloud_instance",
                props: { instanceType: "ecs.g7.large" },
                provider: DEFAULT_PROVIDER,
                propertyDependencies: { securityGroups: ["alicloud_security_group.sg"], availabilityZone: ["data.alicloud_zones.all"] },
            },
            {
                address: "alicloud_eip_association.bind",
                name: "alicloud_eip_association.bind",
                kind: "eipAssociation",
                type: "alicloud_eip_association",
                props: { instanceType: "EcsInstance", allocationId: UNKNOWN, instanceId: UNKNOWN, id: UNKNOWN },
                provider: DEFAULT_PROVIDER,
                propertyDependencies: { allocationId: ["alicloud_eip_address.ip"], instanceId: ["alicloud_instance.web"] },
            },
        ]);
    });

    test("a resource's line is the one with its address", () => {
        const doc = { planned_values: { root_module: { resources: [planned("alicloud_eip_address.ip")] } } };
        const loaded = load(doc);
        expect(loaded.locate("alicloud_eip_address.ip")).toBe(6);
        expect(loaded.locate("alicloud_eip_address.other")).toBeUndefined();
    });

    test("without a configuration section: a note, and no dependencies", () => {
        const loaded = planOf([planned("alicloud_eip_address.ip"), planned("alicloud_eip_association.bind")]);
        expect(loaded.notes).toEqual([
            "The plan has no configuration section, so references between resources and provider regions are unknown; checks that need them are reported as undecided.",
        ]);
        expect(loaded.resources.map((resource) => [resource.address, resource.propertyDependencies])).toEqual([
            [DEFAULT_PROVIDER, undefined],
            ["alicloud_eip_address.ip", {}],
            ["alicloud_eip_association.bind", {}],
        ]);
        expect(loaded.resources[0]).toEqual({ address: DEFAULT_PROVIDER, name: "alicloud", kind: "provider", type: "provider", props: {} });
        // No note when there is nothing to check, or when the configuration is there.
        expect(planOf([planned("alicloud_security_group.sg")]).notes).toEqual([]);
        expect(planOf([planned("alicloud_eip_address.ip")], {}).notes).toEqual([]);
    });

    test("resources that are not well-formed, and modules nested deeper than 100, are skipped", () => {
        let module: Record<string, unknown> = { address: "module.deep", resources: [planned("module.deep.alicloud_eip_address.too-deep")] };
        for (let depth = 0; depth < 101; depth++) {
            module = { address: "module.deep", child_modules: [module] };
        }
        const loaded = load({
            planned_values: {
                root_module: {
                    resources: [
                        "junk",
                        { address: "alicloud_eip_address.no-type" },
                        { type: "alicloud_eip_address" },
                        planned("alicloud_eip_address.ok"),
                        { address: "alicloud_eip.unnamed", type: "alicloud_eip", index: true },
                    ],
                    child_modules: [module, "junk"],
                },
            },
        });
        expect(loaded.resources.filter((resource) => resource.kind !== "provider").map((resource) => [resource.address, resource.name])).toEqual([
            ["alicloud_eip_address.ok", "alicloud_eip_address.ok"],
            ["alicloud_eip.unnamed", "alicloud_eip.unnamed"],
        ]);
        expect(loaded.totalResources).toBe(2);

        let shallow: Record<string, unknown> = { address: "module.deep", resources: [planned("module.deep.alicloud_eip_address.deep-enough")] };
        for (let depth = 0; depth < 99; depth++) {
            shallow = { address: "module.deep", child_modules: [shallow] };
        }
        expect(load({ planned_values: { root_module: { child_modules: [shallow] } } }).totalResources).toBe(1);
    });

    test("a module address that is not one reads as the root module", () => {
        const loaded = load({
            planned_values: {
                root_module: {
                    child_modules: [
                        { address: "modules.x", resources: [planned("alicloud_eip_address.ip")] },
                        { address: "module", resources: [planned("alicloud_eip_address.ip2")] },
                    ],
                },
            },
            configuration: {
                provider_config: { alicloud: { name: "alicloud", expressions: { region: constant("cn-hangzhou") } } },
                root_module: { resources: [config("alicloud_eip_address.ip", { address_name: refs("local.n") })] },
            },
        });
        expect(loaded.resources.map((resource) => [resource.address, resource.provider, resource.propertyDependencies])).toEqual([
            [DEFAULT_PROVIDER, undefined, undefined],
            ["alicloud_eip_address.ip", DEFAULT_PROVIDER, { addressName: ["local.n"] }],
            ["alicloud_eip_address.ip2", DEFAULT_PROVIDER, {}],
        ]);
    });

    test("a plan of other providers only is refused, naming them (from the resources and the provider configurations)", () => {
        const aws = (address: string) => planned(address, {}, { provider_name: "registry.terraform.io/hashicorp/aws" });
        expect(
            problemOf(() =>
                planOf([aws("aws_s3_bucket.a"), aws("aws_s3_bucket.b")], {
                    provider_config: { random: { name: "random", full_name: "registry.terraform.io/hashicorp/random" }, x: { name: "x" } },
                }),
            ),
        ).toBe(
            "plan.json: is a Terraform plan for hashicorp/aws, hashicorp/random, with no alicloud resource (2 resources, none of type alicloud_*). This checker reads Alibaba Cloud (alicloud) infrastructure only.",
        );
        expect(problemOf(() => planOf([{ address: "google_x.a", type: "google_x", name: "a", mode: "managed" }]))).toBe(
            "plan.json: is a Terraform plan for google, with no alicloud resource (1 resource, none of type alicloud_*). This checker reads Alibaba Cloud (alicloud) infrastructure only.",
        );
        // Data sources are not resources of the plan; a resource of the alicloud provider under another type name counts.
        expect(planOf([aws("data.aws_ami.a")]).totalResources).toBe(0);
        expect(planOf([aws("aws_s3_bucket.a"), planned("custom_thing.x", {}, { provider_name: "example.com/corp/alicloud" })]).totalResources).toBe(2);
        expect(planOf([aws("aws_s3_bucket.a"), planned("alicloud_oss_bucket.x", {}, { provider_name: undefined })]).totalResources).toBe(2);
        expect(problemOf(() => planOf([aws("aws_s3_bucket.a"), planned("custom_thing.x", {}, { provider_name: "example.com/corp/alicloudish" })]))).toMatch(
            /^plan\.json: is a Terraform plan for hashicorp\/aws, example\.com\/corp\/alicloudish, with no alicloud resource \(2 resources/,
        );
    });
});

describe("providers and regions", () => {
    const eipWith = (key: string | undefined, providerConfig: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
        planOf(
            [planned("alicloud_eip_address.ip")],
            {
                provider_config: providerConfig,
                root_module: { resources: [config("alicloud_eip_address.ip", {}, key === undefined ? { provider_config_key: undefined } : { provider_config_key: key })] },
            },
            extra,
        ).resources;

    test("an alias is its own provider, with its own region", () => {
        const resources = eipWith("alicloud.beijing", {
            "alicloud.beijing": { name: "alicloud", full_name: ALICLOUD, alias: "beijing", expressions: { region: constant("cn-beijing") } },
        });
        expect(resources[0]).toEqual({ address: `${DEFAULT_PROVIDER}.beijing`, name: "alicloud.beijing", kind: "provider", type: "provider", props: { region: "cn-beijing" } });
        expect(resources[1].provider).toBe(`${DEFAULT_PROVIDER}.beijing`);
    });

    test("region = var.x in the root module is the variable's value when that is a region id; anything else is unknown", () => {
        const regionWith = (region: unknown, variables: unknown, extra: Record<string, unknown> = {}) =>
            eipWith("alicloud", { alicloud: { name: "alicloud", full_name: ALICLOUD, expressions: { region }, ...extra } }, { variables })[0].props;
        expect(regionWith(refs("var.region"), { region: { value: "cn-shanghai" } })).toEqual({ region: "cn-shanghai" });
        expect(regionWith(refs("var.region", "var.region"), { region: { value: "ap-southeast-1" } })).toEqual({ region: "ap-southeast-1" });
        expect(regionWith(refs("var.region"), { region: { value: "Shanghai" } })).toEqual({ region: UNKNOWN });
        expect(regionWith(refs("var.region"), { region: { value: "cn" } })).toEqual({ region: UNKNOWN });
        expect(regionWith(refs("var.region"), { region: { value: "cn-" } })).toEqual({ region: UNKNOWN });
        expect(regionWith(refs("var.region"), { region: { value: "c-beijing" } })).toEqual({ region: UNKNOWN });
        expect(regionWith(refs("var.region"), { region: { value: "xcn-beijing " } })).toEqual({ region: UNKNOWN });
        expect(regionWith(refs("var.region"), { region: { value: 7 } })).toEqual({ region: UNKNOWN });
        expect(regionWith(refs("var.region"), { region: "cn-shanghai" })).toEqual({ region: UNKNOWN });
        expect(regionWith(refs("var.region"), undefined)).toEqual({ region: UNKNOWN });
        expect(regionWith(refs("var.region"), { other: { value: "cn-shanghai" } })).toEqual({ region: UNKNOWN });
        expect(regionWith(refs("var.region", "var.suffix"), { region: { value: "cn-shanghai" }, suffix: { value: "cn-beijing" } })).toEqual({ region: UNKNOWN });
        expect(regionWith(refs("var.region", "local.x"), { region: { value: "cn-shanghai" } })).toEqual({ region: UNKNOWN });
        expect(regionWith(refs("local.region"), { region: { value: "cn-shanghai" } })).toEqual({ region: UNKNOWN });
        expect(regionWith(refs("var.region.name"), { region: { value: "cn-shanghai" } })).toEqual({ region: UNKNOWN });
        expect(regionWith(refs("var.region"), { region: { value: "cn-shanghai" } }, { module_address: "module.a" })).toEqual({ region: UNKNOWN });
        expect(regionWith({}, {})).toEqual({ region: UNKNOWN });
        expect(regionWith(constant(5), {})).toEqual({ region: UNKNOWN });
        // No region argument: from the environment, unknown to any check (no region prop at all).
        expect(eipWith("alicloud", { alicloud: { name: "alicloud", full_name: ALICLOUD } })[0].props).toEqual({});
        expect(eipWith("alicloud", { alicloud: { name: "alicloud", expressions: { region: "cn-beijing" } } })[0].props).toEqual({});
    });

    test("a configuration's full_name and module_address make its address", () => {
        const resources = eipWith("alicloud", { alicloud: { name: "alicloud", full_name: "example.com/corp/alicloud", module_address: "module.net" } });
        expect(resources[0].address).toBe('module.net.provider["example.com/corp/alicloud"]');
        expect(eipWith("alicloud", { alicloud: { name: "alicloud" } })[0].address).toBe(DEFAULT_PROVIDER);
    });

    test("a module's resources inherit the provider configuration of the module that calls theirs", () => {
        const loaded = load({
            planned_values: {
                root_module: {
                    child_modules: [
                        {
                            address: "module.a",
                            resources: [planned("module.a.alicloud_eip_address.in-a")],
                            child_modules: [{ address: "module.a.module.b", resources: [planned("module.a.module.b.alicloud_eip_address.in-b")] }],
                        },
                    ],
                },
            },
            configuration: {
                provider_config: { alicloud: { name: "alicloud", full_name: ALICLOUD, expressions: { region: constant("cn-hangzhou") } } },
                root_module: {
                    module_calls: {
                        a: {
                            module: {
                                resources: [config("alicloud_eip_address.in-a", {}, { provider_config_key: "module.a:alicloud" })],
                                module_calls: { b: { module: { resources: [config("alicloud_eip_address.in-b", {}, { provider_config_key: "module.a.module.b:alicloud" })] } } },
                            },
                        },
                    },
                },
            },
        });
        expect(loaded.resources.map((resource) => [resource.address, resource.provider ?? resource.props])).toEqual([
            [DEFAULT_PROVIDER, { region: "cn-hangzhou" }],
            ["module.a.alicloud_eip_address.in-a", DEFAULT_PROVIDER],
            ["module.a.module.b.alicloud_eip_address.in-b", DEFAULT_PROVIDER],
        ]);
    });

    test("a key no configuration answers (an implicit provider) is a provider of that name, with its alias", () => {
        const resources = eipWith("alicloud.west", {});
        expect(resources[0]).toEqual({ address: `${DEFAULT_PROVIDER}.west`, name: "alicloud.west", kind: "provider", type: "provider", props: {} });
        expect(eipWith("module.x:alicloud", {})[0]).toEqual({ address: DEFAULT_PROVIDER, name: "alicloud", kind: "provider", type: "provider", props: {} });
    });

    test("without a provider_config_key, a resource in a module takes the module's alicloud", () => {
        const loaded = load({
            planned_values: {
                root_module: {
                    child_modules: [
                        { address: 'module.m["k"]', resources: [planned('module.m["k"].alicloud_eip_address.ip', {}, { provider_name: "example.com/corp/alicloud" })] },
                    ],
                },
            },
            configuration: {
                provider_config: {
                    "module.m:alicloud": { name: "alicloud", full_name: "example.com/corp/alicloud", module_address: "module.m", expressions: { region: constant("cn-qingdao") } },
                },
                root_module: { module_calls: { m: { module: { resources: [config("alicloud_eip_address.ip", {}, { provider_config_key: undefined })] } } } },
            },
        });
        expect(loaded.resources[0]).toEqual({
            address: 'module.m.provider["example.com/corp/alicloud"]',
            name: "module.m:alicloud",
            kind: "provider",
            type: "provider",
            props: { region: "cn-qingdao" },
        });
    });

    test("one provider for all the resources that use it, listed once, first", () => {
        const loaded = planOf([planned("alicloud_eip_address.a"), planned("alicloud_eip_address.b")], {
            provider_config: { alicloud: { name: "alicloud", full_name: ALICLOUD } },
            root_module: { resources: [config("alicloud_eip_address.a", {}), config("alicloud_eip_address.b", {})] },
        });
        expect(loaded.resources.map((resource) => resource.kind)).toEqual(["provider", "eip", "eip"]);
    });
});

describe("depends_on", () => {
    test("is read as the resource's dependencies, resolved to instances like a reference; none without it", () => {
        const loaded = planOf(
            [
                planned("alicloud_eip_association.bind"),
                planned("alicloud_ecs_network_interface_attachment.attach"),
                planned("alicloud_eip_address.ip[0]"),
                planned("alicloud_eip_address.ip[1]"),
            ],
            {
                root_module: {
                    resources: [
                        config("alicloud_eip_association.bind", { allocation_id: refs("alicloud_eip_address.ip[0].id", "alicloud_eip_address.ip[0]") }),
                        config("alicloud_ecs_network_interface_attachment.attach", {}, { depends_on: ["alicloud_eip_association.bind", "alicloud_eip_address.ip", 7] }),
                    ],
                },
            },
        );
        expect(byAddress(loaded.resources, "alicloud_ecs_network_interface_attachment.attach")?.dependencies).toEqual([
            "alicloud_eip_association.bind",
            "alicloud_eip_address.ip[0]",
            "alicloud_eip_address.ip[1]",
        ]);
        expect(byAddress(loaded.resources, "alicloud_eip_association.bind")).not.toHaveProperty("dependencies");
    });
});

describe("references", () => {
    test("count: the referring instance's own index; an explicit index; every instance otherwise", () => {
        const loaded = planOf(
            [
                planned("alicloud_eip_address.ip[0]"),
                planned("alicloud_eip_address.ip[1]"),
                planned("alicloud_eip_association.bind[0]"),
                planned("alicloud_eip_association.bind[1]"),
                planned("alicloud_eip_association.first"),
                planned("alicloud_eip_association.all"),
            ],
            {
                root_module: {
                    resources: [
                        config("alicloud_eip_association.bind", { allocation_id: refs("alicloud_eip_address.ip[count.index].id", "alicloud_eip_address.ip", "count.index") }),
                        config("alicloud_eip_association.first", { allocation_id: refs("alicloud_eip_address.ip[1].id", "alicloud_eip_address.ip[1]") }),
                        config("alicloud_eip_association.all", { allocation_id: refs("alicloud_eip_address.ip") }),
                    ],
                },
            },
        );
        expect(depsOf(loaded.resources, "alicloud_eip_association.bind[0]")).toEqual({ allocationId: ["alicloud_eip_address.ip[0]"] });
        expect(depsOf(loaded.resources, "alicloud_eip_association.bind[1]")).toEqual({ allocationId: ["alicloud_eip_address.ip[1]"] });
        expect(depsOf(loaded.resources, "alicloud_eip_association.first")).toEqual({ allocationId: ["alicloud_eip_address.ip[1]"] });
        expect(depsOf(loaded.resources, "alicloud_eip_association.all")).toEqual({ allocationId: ["alicloud_eip_address.ip[0]", "alicloud_eip_address.ip[1]"] });
    });

    test("for_each: each.key picks the instance of the same key; each.value follows the for_each resource", () => {
        const loaded = planOf(
            [
                planned('alicloud_eip_address.ip["a"]'),
                planned('alicloud_eip_address.ip["b"]'),
                planned('alicloud_eip_association.bind["a"]'),
                planned('alicloud_eip_association.bind["b"]'),
                planned('alicloud_instance.web["a"]'),
                planned('alicloud_instance.web["b"]'),
            ],
            {
                root_module: {
                    resources: [
                        config(
                            "alicloud_eip_association.bind",
                            { allocation_id: refs("each.value.id", "each.value"), instance_id: refs("alicloud_instance.web", "each.key") },
                            { for_each_expression: refs("alicloud_eip_address.ip") },
                        ),
                    ],
                },
            },
        );
        expect(depsOf(loaded.resources, 'alicloud_eip_association.bind["a"]')).toEqual({
            allocationId: ['alicloud_eip_address.ip["a"]'],
            instanceId: ['alicloud_instance.web["a"]'],
        });
        expect(depsOf(loaded.resources, 'alicloud_eip_association.bind["b"]')).toEqual({
            allocationId: ['alicloud_eip_address.ip["b"]'],
            instanceId: ['alicloud_instance.web["b"]'],
        });
    });

    test("each.value over something other than one resource leads nowhere", () => {
        const loaded = planOf([planned('alicloud_eip_association.bind["a"]'), planned('alicloud_eip_address.ip["a"]'), planned('alicloud_instance.web["a"]')], {
            root_module: {
                resources: [
                    config(
                        "alicloud_eip_association.bind",
                        { allocation_id: refs("each.value.id", "each.value"), instance_id: refs("each.value") },
                        { for_each_expression: refs("var.ips", "local.x", "alicloud_eip_address.ip", "alicloud_instance.web") },
                    ),
                ],
            },
        });
        expect(depsOf(loaded.resources, 'alicloud_eip_association.bind["a"]')).toEqual({ allocationId: [], instanceId: [] });
    });

    test("locals, root variables, data sources and resources not in the plan are kept as written; meta references are not", () => {
        const loaded = planOf([planned("alicloud_eip_association.bind")], {
            root_module: {
                resources: [
                    config("alicloud_eip_association.bind", {
                        allocation_id: refs("local.eip_id"),
                        instance_id: refs("var.instance", "var.other"),
                        vpc_id: refs("data.alicloud_vpcs.main.ids[0]", "data.alicloud_vpcs.main"),
                        vswitch_id: refs('data.alicloud_vswitches.sw["x"].id'),
                        description: refs("path.module", "terraform.workspace", "self.id", "count.index", "each.key"),
                        mode: refs("alicloud_instance.gone.id"),
                        name: refs("alicloud_instance", "data.alicloud_x", "module"),
                        tags: refs("1bad", "[*]"),
                        zone: refs(),
                    }),
                ],
            },
        });
        expect(depsOf(loaded.resources, "alicloud_eip_association.bind")).toEqual({
            allocationId: ["local.eip_id"],
            instanceId: ["var.instance"],
            vpcId: ["data.alicloud_vpcs.main"],
            vswitchId: ['data.alicloud_vswitches.sw["x"]'],
            description: [],
            mode: ["alicloud_instance.gone"],
            name: [],
            tags: [],
        });
    });

    test("a module's output is followed to the resource behind it; a module without an output named is the module", () => {
        const loaded = load({
            planned_values: {
                root_module: {
                    resources: [planned("alicloud_eip_association.bind"), planned("alicloud_eip_association.whole"), planned("alicloud_eip_association.keyed")],
                    child_modules: [
                        { address: 'module.web["a"]', resources: [planned('module.web["a"].alicloud_instance.this')] },
                        { address: 'module.web["b"]', resources: [planned('module.web["b"].alicloud_instance.this')] },
                    ],
                },
            },
            configuration: {
                root_module: {
                    resources: [
                        config("alicloud_eip_association.bind", { instance_id: refs("module.web.instance_id", "module.web") }),
                        config("alicloud_eip_association.whole", { instance_id: refs("module.web") }),
                        config("alicloud_eip_association.keyed", { instance_id: refs('module.web["b"].instance_id', 'module.web["b"]', "module.web") }),
                    ],
                    module_calls: {
                        web: { module: { outputs: { instance_id: { expression: refs("alicloud_instance.this.id", "alicloud_instance.this") }, nothing: { expression: {} } } } },
                    },
                },
            },
        });
        expect(depsOf(loaded.resources, "alicloud_eip_association.bind")).toEqual({
            instanceId: ['module.web["a"].alicloud_instance.this', 'module.web["b"].alicloud_instance.this'],
        });
        expect(depsOf(loaded.resources, "alicloud_eip_association.whole")).toEqual({ instanceId: ["module.web"] });
        expect(depsOf(loaded.resources, "alicloud_eip_association.keyed")).toEqual({ instanceId: ['module.web["b"].alicloud_instance.this'] });
    });

    test("a counted resource referring to a counted module without an index takes the module instance of its own index", () => {
        const loaded = load({
            planned_values: {
                root_module: {
                    resources: [planned("alicloud_eip_association.bind[0]"), planned("alicloud_eip_association.bind[1]"), planned("alicloud_eip_association.lone")],
                    child_modules: [
                        { address: "module.web[0]", resources: [planned("module.web[0].alicloud_instance.this")] },
                        { address: "module.web[1]", resources: [planned("module.web[1].alicloud_instance.this")] },
                    ],
                },
            },
            configuration: {
                root_module: {
                    resources: [
                        config("alicloud_eip_association.bind", { instance_id: refs("module.web.instance_id", "module.web", "count.index"), description: refs("module.web") }),
                        config("alicloud_eip_association.lone", { instance_id: refs("module.web.instance_id", "count.index") }),
                    ],
                    module_calls: { web: { module: { outputs: { instance_id: { expression: refs("alicloud_instance.this.id") } } } } },
                },
            },
        });
        expect(depsOf(loaded.resources, "alicloud_eip_association.bind[0]")).toEqual({ instanceId: ["module.web[0].alicloud_instance.this"], description: ["module.web"] });
        expect(depsOf(loaded.resources, "alicloud_eip_association.bind[1]")).toEqual({ instanceId: ["module.web[1].alicloud_instance.this"], description: ["module.web"] });
        // Not counted itself: every instance of the module.
        expect(depsOf(loaded.resources, "alicloud_eip_association.lone")).toEqual({ instanceId: ["module.web[0].alicloud_instance.this", "module.web[1].alicloud_instance.this"] });
    });

    test("a variable of a module is followed to the argument of its module call", () => {
        const loaded = load({
            planned_values: {
                root_module: {
                    resources: [planned("alicloud_eip_address.ip")],
                    child_modules: [
                        { address: "module.bind", resources: [planned("module.bind.alicloud_eip_association.this"), planned("module.bind.alicloud_eip_association.loose")] },
                    ],
                },
            },
            configuration: {
                root_module: {
                    module_calls: {
                        bind: {
                            expressions: { eip_id: refs("alicloud_eip_address.ip.id", "alicloud_eip_address.ip"), literal: constant("x") },
                            module: {
                                resources: [
                                    config("alicloud_eip_association.this", { allocation_id: refs("var.eip_id") }),
                                    config("alicloud_eip_association.loose", { allocation_id: refs("var.literal"), instance_id: refs("var.missing"), description: refs("var") }),
                                ],
                            },
                        },
                    },
                },
            },
        });
        expect(depsOf(loaded.resources, "module.bind.alicloud_eip_association.this")).toEqual({ allocationId: ["alicloud_eip_address.ip"] });
        expect(depsOf(loaded.resources, "module.bind.alicloud_eip_association.loose")).toEqual({
            allocationId: ["module.bind.var.literal"],
            instanceId: ["module.bind.var.missing"],
            description: ["module.bind.var"],
        });
    });

    test("module outputs are followed 20 modules down at most, and then kept as written", () => {
        const nested = (levels: number): Record<string, unknown> =>
            levels === 0
                ? { outputs: { out: { expression: refs("alicloud_eip_address.bottom.id") } } }
                : { outputs: { out: { expression: refs("module.loop.out") } }, module_calls: { loop: { module: nested(levels - 1) } } };
        const chain = (levels: number) =>
            depsOf(
                load({
                    planned_values: { root_module: { resources: [planned("alicloud_eip_association.bind")] } },
                    configuration: {
                        root_module: {
                            resources: [config("alicloud_eip_association.bind", { allocation_id: refs("module.loop.out") })],
                            module_calls: { loop: { module: nested(levels) } },
                        },
                    },
                }).resources,
                "alicloud_eip_association.bind",
            )!.allocationId;
        expect(chain(30)).toEqual([`${"module.loop.".repeat(21)}module.loop.out`]);
        expect(chain(19)).toEqual([`${"module.loop.".repeat(20)}alicloud_eip_address.bottom`]);
        expect(chain(20)).toEqual([`${"module.loop.".repeat(21)}alicloud_eip_address.bottom.id`]);
    });

    test("nested blocks: every reference of the blocks, and per planned element when the blocks pair with the elements", () => {
        const blocks = [
            { zone_id: constant("cn-hangzhou-h"), vswitch_id: refs("alicloud_vswitch.h.id", "alicloud_vswitch.h"), allocation_id: refs("alicloud_eip_address.h.id") },
            { zone_id: constant("cn-hangzhou-i"), vswitch_id: refs("alicloud_vswitch.i.id"), note: constant(null) },
        ];
        const loaded = planOf(
            [
                planned("alicloud_alb_load_balancer.paired", { zone_mappings: [{ zone_id: "cn-hangzhou-i" }, { zone_id: "cn-hangzhou-h" }] }),
                planned("alicloud_alb_load_balancer.unpaired", { zone_mappings: [{ zone_id: "cn-hangzhou-j" }, { zone_id: "cn-hangzhou-h" }] }),
                planned("alicloud_alb_load_balancer.single"),
                planned("alicloud_vswitch.h"),
                planned("alicloud_vswitch.i"),
                planned("alicloud_eip_address.h"),
            ],
            {
                root_module: {
                    resources: [
                        config("alicloud_alb_load_balancer.paired", { zone_mappings: blocks }),
                        config("alicloud_alb_load_balancer.unpaired", { zone_mappings: blocks }),
                        config("alicloud_alb_load_balancer.single", { access_log_config: { log_store: refs("local.store") }, empty: { x: constant(1) }, list: ["junk"] }),
                    ],
                },
            },
        );
        expect(depsOf(loaded.resources, "alicloud_alb_load_balancer.paired")).toEqual({
            "zoneMappings[1].vswitchId": ["alicloud_vswitch.h"],
            "zoneMappings[1].allocationId": ["alicloud_eip_address.h"],
            "zoneMappings[0].vswitchId": ["alicloud_vswitch.i"],
            zoneMappings: ["alicloud_vswitch.h", "alicloud_eip_address.h", "alicloud_vswitch.i"],
        });
        expect(depsOf(loaded.resources, "alicloud_alb_load_balancer.unpaired")).toEqual({ zoneMappings: ["alicloud_vswitch.h", "alicloud_eip_address.h", "alicloud_vswitch.i"] });
        expect(depsOf(loaded.resources, "alicloud_alb_load_balancer.single")).toEqual({ accessLogConfig: ["local.store"] });
    });

    test("blocks nested in nested blocks: their references count for the field that holds them, as the sources reader gives them", () => {
        const loaded = planOf(
            [planned("alicloud_alb_load_balancer.alb", { zone_mappings: [{ zone_id: "cn-hangzhou-h", load_balancer_addresses: [{}] }] }), planned("alicloud_eip_address.h")],
            {
                root_module: {
                    resources: [
                        config("alicloud_alb_load_balancer.alb", {
                            zone_mappings: [
                                { zone_id: constant("cn-hangzhou-h"), load_balancer_addresses: [{ allocation_id: refs("alicloud_eip_address.h.id", "alicloud_eip_address.h") }] },
                            ],
                        }),
                    ],
                },
            },
        );
        expect(depsOf(loaded.resources, "alicloud_alb_load_balancer.alb")).toEqual({
            "zoneMappings[0].loadBalancerAddresses": ["alicloud_eip_address.h"],
            zoneMappings: ["alicloud_eip_address.h"],
        });
    });
});

describe("states", () => {
    test("known values only, one provider per provider name (of unknown region), no dependencies", () => {
        const doc = {
            format_version: "1.0",
            values: {
                root_module: {
                    resources: [
                        planned("alicloud_eip_address.ip", { id: "eip-1", bandwidth: "5", zone_mappings: [{ zone_id: "h" }] }),
                        planned("alicloud_eip_association.bind", { allocation_id: "eip-1", instance_id: "i-1" }),
                        planned("alicloud_instance.web", { id: "i-1" }, { provider_name: "example.com/corp/alicloud" }),
                        planned("alicloud_eip.legacy", {}, { provider_name: undefined }),
                        planned("data.alicloud_zones.z"),
                        planned("alicloud_security_group.sg"),
                    ],
                },
            },
        };
        const text = JSON.stringify(doc, null, 2);
        const loaded = fromTerraformState("state.json", doc, text);
        expect(loaded.format).toBe("terraform-state");
        expect(loaded.file).toBe("state.json");
        expect(loaded.notes).toEqual([]);
        expect(loaded.totalResources).toBe(5);
        expect(loaded.resources).toEqual([
            { address: DEFAULT_PROVIDER, name: "aliyun/alicloud", kind: "provider", type: "provider", props: {} },
            { address: 'provider["example.com/corp/alicloud"]', name: "example.com/corp/alicloud", kind: "provider", type: "provider", props: {} },
            {
                address: "alicloud_eip_address.ip",
                name: "alicloud_eip_address.ip",
                kind: "eip",
                type: "alicloud_eip_address",
                props: { id: "eip-1", bandwidth: "5", zoneMappings: [{ zoneId: "h" }] },
                provider: DEFAULT_PROVIDER,
                propertyDependencies: {},
            },
            {
                address: "alicloud_eip_association.bind",
                name: "alicloud_eip_association.bind",
                kind: "eipAssociation",
                type: "alicloud_eip_association",
                props: { allocationId: "eip-1", instanceId: "i-1" },
                provider: DEFAULT_PROVIDER,
                propertyDependencies: {},
            },
            {
                address: "alicloud_instance.web",
                name: "alicloud_instance.web",
                kind: "ecsInstance",
                type: "alicloud_instance",
                props: { id: "i-1" },
                provider: 'provider["example.com/corp/alicloud"]',
                propertyDependencies: {},
            },
            { address: "alicloud_eip.legacy", name: "alicloud_eip.legacy", kind: "eip", type: "alicloud_eip", props: {}, provider: DEFAULT_PROVIDER, propertyDependencies: {} },
        ]);
        expect(text.split("\n")[loaded.locate("alicloud_eip_association.bind")! - 1]).toContain('"address": "alicloud_eip_association.bind"');
        expect(loaded.locate("alicloud_vpc.none")).toBeUndefined();
    });

    test("an empty state has nothing; a state of other providers is refused", () => {
        expect(fromTerraformState("s.json", { format_version: "1.0" }, "{}").resources).toEqual([]);
        expect(
            problemOf(() =>
                fromTerraformState(
                    "s.json",
                    { format_version: "1.0", values: { root_module: { resources: [planned("aws_s3_bucket.b", {}, { provider_name: "registry.terraform.io/hashicorp/aws" })] } } },
                    "{}",
                ),
            ),
        ).toBe(
            "s.json: is a Terraform state for hashicorp/aws, with no alicloud resource (1 resource, none of type alicloud_*). This checker reads Alibaba Cloud (alicloud) infrastructure only.",
        );
    });
});

describe("pieces", () => {
    test("traversal stops at what is not a name or a key, and gives nothing when that is the start", () => {
        expect(traversal("a.b c")).toEqual([{ name: "a" }, { name: "b" }]);
        expect(traversal("1abc")).toBeUndefined();
        expect(traversal("[*]")).toBeUndefined();
        expect(traversal("")).toEqual([]);
        expect(traversal('x["a\\"b"]')).toEqual([{ name: "x" }, { key: 'a"b' }]);
        expect(traversal("x[12].y")).toEqual([{ name: "x" }, { key: 12 }, { name: "y" }]);
        expect(traversal("_a-b")).toEqual([{ name: "_a-b" }]);
        expect(traversal("x[var.i]")).toEqual([{ name: "x" }]);
    });

    test("keySuffix", () => {
        expect(keySuffix(0)).toBe("[0]");
        expect(keySuffix("k")).toBe('["k"]');
        expect(keySuffix(undefined)).toBe("");
        expect(keySuffix(null)).toBe("");
    });

    test("overlayUnknown: false, null and empty branches change nothing and copy nothing", () => {
        const value = { a: [1, 2], b: { c: 1 } };
        expect(overlayUnknown(value, { a: [false, null], b: { c: false }, d: null })).toBe(value);
        expect(overlayUnknown(value, false)).toBe(value);
        expect(overlayUnknown(value, "yes")).toBe(value);
        expect(overlayUnknown([1, 2], [false, true])).toEqual([1, UNKNOWN]);
        expect(overlayUnknown(undefined, [false, true])).toEqual([undefined, UNKNOWN]);
        expect(overlayUnknown("x", { a: true })).toEqual({ a: UNKNOWN });
        expect(overlayUnknown({ a: 1 }, { b: {} })).toEqual({ a: 1 });
        expect(overlayUnknown({ a: null }, { a: { b: true } })).toEqual({ a: { b: UNKNOWN } });
        expect(overlayUnknown([null], [[true]])).toEqual([[UNKNOWN]]);
        const planned = [{ a: 1 }];
        const result = overlayUnknown(planned, [{ b: true }]) as unknown[];
        expect(result).toEqual([{ a: 1, b: UNKNOWN }]);
        expect(planned).toEqual([{ a: 1 }]);
    });

    test("matchBlocks: counts must agree (and stay small); elements that are not objects match nothing", () => {
        expect(matchBlocks([], [])).toEqual([]);
        expect(matchBlocks([{}], ["x"])).toBeUndefined();
        // A block with no constant goes anywhere; it gives way to one that can go to one element only.
        expect(matchBlocks([{ a: constant(null) }, { a: constant("x") }], [{ a: "x" }, { a: "y" }])).toEqual([1, 0]);
        expect(matchBlocks([{ a: constant(null) }, { a: constant("x") }], [{ a: "x" }, { a: null }])).toEqual([0, 1]);
        expect(matchBlocks([{ a: constant("x") }, { a: constant("x") }], [{ a: "x" }, { a: "y" }])).toBeUndefined();
        expect(matchBlocks([{ a: constant("x") }], [{ a: UNKNOWN }])).toBeUndefined();
        expect(matchBlocks([{ a: constant("x") }], [{}])).toEqual([0]);
        expect(matchBlocks([{ a: refs("r"), b: "raw" }], [{ a: "anything" }])).toEqual([0]);
        expect(matchBlocks([{ a: constant({ k: [1] }) }], [{ a: { k: [1] } }])).toEqual([0]);
        const many = (count: number) => Array.from({ length: count }, () => ({}));
        expect(matchBlocks(many(64), many(64))).toEqual(Array.from({ length: 64 }, (_, i) => i));
        expect(matchBlocks(many(65), many(65))).toBeUndefined();
    });
});
