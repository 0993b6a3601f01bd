// What the rules could not look at: resources a preview shows with no properties at all.
//
// A provider whose configuration holds a value unknown until deployment (credentials or a region
// computed from another resource) cannot be configured at preview. Pulumi then plans every resource
// on it, new or already deployed, with an empty set of properties, and that is what policies get
// (pulumi/pulumi pkg/resource/plugin/provider_plugin.go Create and Update at preview). Every rule
// reads such a resource as if nothing were set and stays silent: the gate is open and nobody is
// told. A resource the alicloud provider really plans has at least its id and its schema's
// attributes, so "no properties at all, on a provider with an unknown configuration" is exactly this
// case. The pack says it once per stack, whichever policy runs first.

import { Model } from "./model";
import { ResourceInput } from "./resources";
import { Finding, PolicyName } from "./rule";
import { isRecord, isUnknown } from "./values";

/** How many resource names a note lists before it counts the rest. */
const NAMES_SHOWN = 3;

export interface Unchecked {
    readonly provider: ResourceInput;
    /** The provider's configuration keys whose values are unknown. */
    readonly unknownKeys: readonly string[];
    readonly resources: readonly ResourceInput[];
}

function holdsUnknown(value: unknown, depth = 0): boolean {
    if (isUnknown(value)) {
        return true;
    }
    if (depth > 20) {
        return false;
    }
    if (Array.isArray(value)) {
        return value.some((element) => holdsUnknown(element, depth + 1));
    }
    return isRecord(value) && Object.values(value).some((element) => holdsUnknown(element, depth + 1));
}

/** The configuration keys of a provider whose values are unknown (`version` does not configure it). */
function unknownKeysOf(provider: ResourceInput): string[] {
    try {
        return Object.keys(provider.props)
            .filter((key) => key !== "version")
            .filter((key) => {
                const descriptor = Object.getOwnPropertyDescriptor(provider.props, key);
                return descriptor === undefined || !("value" in descriptor) || holdsUnknown(descriptor.value);
            })
            .sort();
    } catch {
        return [];
    }
}

/** Whether a provider cannot be configured at preview: a value of its configuration is unknown. */
export function configurationUnknown(provider: ResourceInput): boolean {
    return unknownKeysOf(provider).length > 0;
}

function hasNoProperties(resource: ResourceInput): boolean {
    try {
        return Object.keys(resource.props).length === 0;
    } catch {
        return false;
    }
}

/** The resources of the stack no rule could check, by provider, in address order. */
export function uncheckedResources(model: Model): Unchecked[] {
    const byProvider = new Map<ResourceInput, ResourceInput[]>();
    for (const resource of model.resources) {
        if (resource.kind === "provider" || !hasNoProperties(resource)) {
            continue;
        }
        const provider = model.byAddress(resource.provider);
        if (provider === undefined || provider.kind !== "provider") {
            continue;
        }
        byProvider.set(provider, [...(byProvider.get(provider) ?? []), resource]);
    }
    const unchecked: Unchecked[] = [];
    for (const [provider, resources] of byProvider) {
        const unknownKeys = unknownKeysOf(provider);
        if (unknownKeys.length > 0) {
            const sorted = [...resources].sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
            unchecked.push({ provider, unknownKeys, resources: sorted });
        }
    }
    return unchecked.sort((a, b) => (a.provider.address < b.provider.address ? -1 : a.provider.address > b.provider.address ? 1 : 0));
}

/** "a", "a and b", "a, b and c", or the first few and how many more. */
function listed(items: readonly string[], shown = items.length): string {
    const head = items.slice(0, shown);
    const more = items.length - head.length;
    if (more > 0) {
        return `${head.join(", ")} and ${more} more`;
    }
    return head.length > 1 ? `${head.slice(0, -1).join(", ")} and ${head[head.length - 1]}` : (head[0] ?? "");
}

function describeGroup(group: Unchecked): string {
    const names = listed(
        group.resources.map((resource) => `"${resource.name}"`),
        NAMES_SHOWN,
    );
    const keys = listed(group.unknownKeys.map((key) => `"${key}"`));
    return `${names} on provider "${group.provider.name}", whose ${keys} ${group.unknownKeys.length === 1 ? "is" : "are"} unknown until deployment`;
}

/** The note on the resources no rule could check, attributed to `policy`; none when there are none. */
export function coverageFindings(model: Model, policy: PolicyName): Finding[] {
    const groups = uncheckedResources(model);
    if (groups.length === 0) {
        return [];
    }
    const total = groups.reduce((sum, group) => sum + group.resources.length, 0);
    return [
        {
            policy,
            outcome: "undecided",
            involved: groups.flatMap((group) => [group.provider.address, ...group.resources.map((resource) => resource.address)]),
            message:
                `Could not check ${total === 1 ? "1 resource" : `${total} resources`} at this preview: ${groups.map(describeGroup).join("; ")}. ` +
                "A provider whose configuration is unknown cannot be configured at preview, so Pulumi plans every resource on it with no properties, and no policy can check them until the update runs, after they are created. " +
                "Set the provider's configuration from stack config or other known values to have them checked at preview.",
        },
    ];
}

const reported = new WeakSet<Model>();

/**
 * `coverageFindings` the first time it is asked for a model, nothing after: the policies of one
 * request share a model, so the note is made once per request (once per file in the checker).
 */
export function coverageFindingsOnce(model: Model, policy: PolicyName): Finding[] {
    if (reported.has(model)) {
        return [];
    }
    reported.add(model);
    return coverageFindings(model, policy);
}
