// What no policy could check (policypack/core/coverage.ts): resources Pulumi plans with no
// properties at all because their provider cannot be configured at preview.

import { configurationUnknown, coverageFindings, coverageFindingsOnce, uncheckedResources } from "../../policypack/core/coverage";
import { Model } from "../../policypack/core/model";
import { ResourceInput, ResourceKind } from "../../policypack/core/resources";
import { UNKNOWN } from "../../policypack/core/values";

const urn = (type: string, name: string) => `urn:pulumi:dev::web::${type}::${name}`;
const PROVIDER_TYPE = "pulumi:providers:alicloud";

function provider(name: string, props: Record<string, unknown>): ResourceInput {
    return { address: urn(PROVIDER_TYPE, name), name, kind: "provider", type: PROVIDER_TYPE, props };
}

function onProvider(p: ResourceInput, kind: ResourceKind, name: string, props: Record<string, unknown> = {}): ResourceInput {
    return { address: urn(`alicloud:${kind}`, name), name, kind, type: `alicloud:${kind}`, props, provider: p.address };
}

const deployer = provider("deployer", { region: "cn-hangzhou", accessKey: UNKNOWN, secretKey: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" });

test("resources with no properties on a provider with an unknown configuration value are unchecked, grouped by provider", () => {
    const regional = provider("regional", { region: UNKNOWN, version: "3.108.0" });
    const resources = [deployer, regional, onProvider(deployer, "eipAssociation", "b-eip"), onProvider(deployer, "eip", "a-ip"), onProvider(regional, "eip", "c-ip")];
    const groups = uncheckedResources(new Model(resources));
    expect(groups.map((group) => [group.provider.name, group.unknownKeys, group.resources.map((resource) => resource.name)])).toEqual([
        ["deployer", ["accessKey", "secretKey"], ["a-ip", "b-eip"]],
        ["regional", ["region"], ["c-ip"]],
    ]);
    const [finding] = coverageFindings(new Model(resources), "eip-single-binding");
    expect(finding).toMatchObject({ policy: "eip-single-binding", outcome: "undecided" });
    expect(finding.resource).toBeUndefined();
    expect(finding.message).toMatch(
        /^Could not check 3 resources at this preview: "a-ip" and "b-eip" on provider "deployer", whose "accessKey" and "secretKey" are unknown until deployment; "c-ip" on provider "regional", whose "region" is unknown until deployment\. /,
    );
    expect([...finding.involved].sort()).toEqual([...resources.map((resource) => resource.address)].sort());
});

test("a value unknown deep in the configuration counts; `version` alone does not", () => {
    expect(configurationUnknown(provider("p", { assumeRole: { roleArn: UNKNOWN } }))).toBe(true);
    expect(configurationUnknown(provider("p", { endpoints: [{ ecs: UNKNOWN }] }))).toBe(true);
    expect(configurationUnknown(provider("p", { version: UNKNOWN, region: "cn-beijing" }))).toBe(false);
    expect(configurationUnknown(provider("p", {}))).toBe(false);
});

test("nothing is unchecked when the provider is known, or when the resources have properties", () => {
    const known = provider("known", { region: "cn-hangzhou" });
    expect(uncheckedResources(new Model([known, onProvider(known, "eip", "ip")]))).toEqual([]);
    expect(uncheckedResources(new Model([deployer, onProvider(deployer, "eip", "ip", { id: UNKNOWN, bandwidth: "5" })]))).toEqual([]);
    expect(uncheckedResources(new Model([onProvider(deployer, "eip", "ip")]))).toEqual([]);
    expect(coverageFindings(new Model([known]), "eip-single-binding")).toEqual([]);
});

test("four resources or more are counted after the first three names", () => {
    const resources = [deployer, ...["a", "b", "c", "d", "e"].map((name) => onProvider(deployer, "eip", name))];
    expect(coverageFindings(new Model(resources), "eip-same-region")[0].message).toContain(
        'Could not check 5 resources at this preview: "a", "b", "c" and 2 more on provider "deployer"',
    );
});

test("once per model: the first policy to ask reports it, the others do not", () => {
    const model = new Model([deployer, onProvider(deployer, "eip", "ip")]);
    expect(coverageFindingsOnce(model, "eip-single-binding").map((finding) => finding.policy)).toEqual(["eip-single-binding"]);
    expect(coverageFindingsOnce(model, "eip-same-region")).toEqual([]);
    expect(coverageFindingsOnce(new Model([deployer, onProvider(deployer, "eip", "ip")]), "eip-same-region")).toHaveLength(1);
});
