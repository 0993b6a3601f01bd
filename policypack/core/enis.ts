// What a plan does with an ENI besides binding EIPs to it: which instance is created on it as its
// primary ENI, which resources attach it to an instance, and which of two resources the plan
// provably creates first.
//
// A plan attaches an ENI in three ways:
//   - `Instance.networkInterfaceId` (settable since provider 1.284.0): the instance is created on the
//     ENI, which becomes its primary ENI (aliyun/terraform-provider-alicloud, resource_alicloud_instance.go,
//     resourceAliCloudInstanceCreate, sends it as NetworkInterface.1 with InstanceType "Primary");
//   - `Instance.networkInterfaces.networkInterfaceId`: a secondary ENI attached when the instance is
//     created;
//   - an EcsNetworkInterfaceAttachment (or vpc.NetworkInterfaceAttachment), a resource of its own.
//
// Order: Pulumi and Terraform create a resource only after everything it depends on, through the
// values it reads (property dependencies) or declared (dependsOn, depends_on). Following those edges
// from one resource to another proves the order; no path either way leaves it to chance.

import { appendTo, memoized } from "./collections";
import { Model, Ref } from "./model";
import { ResourceInput } from "./resources";
import { isRecord, prop } from "./values";

export interface EniAttacher {
    /** "primary": created on the ENI; "creation": listed in networkInterfaces; "attachment": an attachment resource. */
    readonly how: "primary" | "creation" | "attachment";
    /** The resource whose creation attaches the ENI: the instance, or the attachment. */
    readonly by: ResourceInput;
    /** The instance the ENI ends up attached to, when it can be told. */
    readonly instance?: ResourceInput;
}

interface EniFacts {
    /** Attachers by the identity of the ENI they attach (Model.identity). */
    readonly attachers: Map<string, EniAttacher[]>;
    /** For each resource address, every address it waits for, directly or not. */
    readonly reach: Map<string, ReadonlySet<string>>;
}

const FACTS = new WeakMap<Model, EniFacts>();

function factsOf(model: Model): EniFacts {
    let facts = FACTS.get(model);
    if (facts === undefined) {
        facts = { attachers: collectAttachers(model), reach: new Map() };
        FACTS.set(model, facts);
    }
    return facts;
}

function collectAttachers(model: Model): Map<string, EniAttacher[]> {
    const found = new Map<string, EniAttacher[]>();
    const add = (ref: Ref, attacher: EniAttacher) => {
        const identity = model.identity(ref);
        if (identity !== undefined) {
            appendTo(found, identity, attacher);
        }
    };
    for (const instance of model.ofKind("ecsInstance")) {
        add(model.resolve(instance, "networkInterfaceId", ["eni"], model.setting(instance, "networkInterfaceId")), { how: "primary", by: instance, instance });
        secondaryEnisOf(model, instance).forEach((ref) => add(ref, { how: "creation", by: instance, instance }));
    }
    for (const attachment of model.ofKind("eniAttachment")) {
        const instance = model.resolve(attachment, "instanceId", ["ecsInstance"]);
        add(model.resolve(attachment, "networkInterfaceId", ["eni"]), {
            how: "attachment",
            by: attachment,
            instance: instance.kind === "resource" ? instance.resource : undefined,
        });
    }
    return found;
}

/**
 * The ENIs an instance is created with besides its primary one. Pulumi gives `networkInterfaces` as
 * one object; a Terraform plan as a list of one block, with dependencies per element.
 */
export function secondaryEnisOf(model: Model, instance: ResourceInput): Ref[] {
    const value = prop(instance.props, "networkInterfaces");
    const elements = Array.isArray(value) ? value : isRecord(value) ? [value] : [];
    return elements.map((element, index) => {
        const id = prop(element, "networkInterfaceId");
        const precise = model.dependencyCandidates(instance, `networkInterfaces[${index}].networkInterfaceId`, ["eni"]);
        if (precise.length === 1 && typeof id !== "string") {
            return { kind: "resource", resource: precise[0], via: "dependency" };
        }
        return model.resolve(instance, "networkInterfaces", ["eni"], id);
    });
}

/** Everything that attaches the ENI `eni` names (a planned ENI, or a literal id of one outside the plan). */
export function attachersOf(model: Model, eni: Ref): readonly EniAttacher[] {
    const identity = model.identity(eni);
    return identity === undefined ? [] : (factsOf(model).attachers.get(identity) ?? []);
}

/** The planned instances created on `eni` as their primary ENI. */
export function primaryOwnersOf(model: Model, eni: Ref): ResourceInput[] {
    return attachersOf(model, eni).flatMap((attacher) => (attacher.how === "primary" ? [attacher.by] : []));
}

function directDependencies(resource: ResourceInput): string[] {
    const out: string[] = [];
    const collect = (list: unknown) => {
        if (Array.isArray(list)) {
            list.forEach((address) => typeof address === "string" && out.push(address));
        }
    };
    const deps = resource.propertyDependencies;
    if (isRecord(deps)) {
        Object.values(deps).forEach(collect);
    }
    collect(resource.dependencies);
    return out;
}

/** True when the plan creates `resource` only after `other`: a chain of dependencies leads from one to the other. */
export function waitsFor(model: Model, resource: ResourceInput, other: ResourceInput): boolean {
    const reach = memoized(factsOf(model).reach, resource.address, () => {
        const seen = new Set<string>();
        const queue = [resource];
        while (queue.length > 0) {
            for (const address of directDependencies(queue.pop() as ResourceInput)) {
                const next = model.byAddress(address);
                if (!seen.has(address) && next !== undefined && next !== resource) {
                    seen.add(address);
                    queue.push(next);
                }
            }
        }
        return seen;
    });
    return reach.has(other.address);
}
