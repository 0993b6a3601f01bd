// A small builder for plans in the core's terms, used by the rule unit tests.
//
// The same plan can be rendered as Pulumi shows it at preview (every id of a planned resource is
// unknown, references are unknown values with property dependencies, Optional+Computed properties
// the program did not set are unknown) or as it shows it after the update (ids known, references
// literal ids, dependencies still recorded). A rule must reach the same verdict on both.

import { ID_PREFIX } from "../../policypack/core/ids";
import { COMPUTED_AT_PREVIEW, COMPUTED_IN_ELEMENTS } from "../../policypack/testing/engine/computed";
import { ResourceInput, ResourceKind } from "../../policypack/core/resources";
import { PULUMI_TYPE_KINDS } from "../../policypack/pulumi/types";
import { UNKNOWN } from "../../policypack/core/values";

export type Phase = "preview" | "update";

export class Handle {
    constructor(
        readonly plan: Plan,
        readonly kind: ResourceKind,
        readonly name: string,
        readonly address: string,
        readonly id: string,
    ) {}

    /** A reference to one of this resource's outputs (its id by default). */
    ref(attribute = "id"): RefValue {
        return new RefValue(this, attribute);
    }
}

export class RefValue {
    constructor(
        readonly handle: Handle,
        readonly attribute: string,
    ) {}
}

const TYPE_OF_KIND: Partial<Record<ResourceKind, string>> = {};
for (const [type, kind] of Object.entries(PULUMI_TYPE_KINDS)) {
    TYPE_OF_KIND[kind] ??= type;
}

interface Entry {
    handle: Handle;
    props: Record<string, unknown>;
    provider?: string;
    /** Inputs the resource was given, before rendering. */
    external: boolean;
    dependsOn: Handle[];
}

export interface AddOptions {
    provider?: Handle;
    /** A resource read from the cloud (`.get`): its id is known in both phases. */
    external?: boolean;
    id?: string;
    /** Pulumi type token, when not the first one of the kind. */
    type?: string;
    /** Explicit dependencies (Pulumi's `dependsOn`): the resource is created after these. */
    dependsOn?: Handle[];
}

export class Plan {
    private readonly entries: Entry[] = [];
    private counter = 0;
    readonly defaultProvider: Handle;

    constructor(
        readonly phase: Phase = "preview",
        defaultRegion: string | null = "cn-hangzhou",
    ) {
        this.defaultProvider = this.add("provider", "default_3_108_0", defaultRegion === null ? {} : { region: defaultRegion }, { external: true });
    }

    provider(name: string, region?: string): Handle {
        return this.add("provider", name, region === undefined ? {} : { region }, { external: true });
    }

    add(kind: ResourceKind, name: string, props: Record<string, unknown> = {}, options: AddOptions = {}): Handle {
        const type = options.type ?? (kind === "provider" ? "pulumi:providers:alicloud" : TYPE_OF_KIND[kind]!);
        const address = `urn:pulumi:test::test::${type}::${name}`;
        this.counter++;
        const prefix = kind in ID_PREFIX ? ID_PREFIX[kind as keyof typeof ID_PREFIX] : `${kind.toLowerCase()}-`;
        const id = options.id ?? `${prefix}${String(this.counter).padStart(6, "0")}`;
        const handle = new Handle(this, kind, name, address, id);
        this.entries.push({
            handle,
            props,
            provider: kind === "provider" ? undefined : (options.provider ?? this.defaultProvider).address,
            external: options.external ?? false,
            dependsOn: options.dependsOn ?? [],
        });
        return handle;
    }

    eip(name: string, props: Record<string, unknown> = {}, options: AddOptions = {}): Handle {
        return this.add("eip", name, props, options);
    }

    vswitch(name: string, cidrBlock = "10.0.1.0/24", props: Record<string, unknown> = {}, options: AddOptions = {}): Handle {
        return this.add("vswitch", name, { cidrBlock, zoneId: "cn-hangzhou-a", ...props }, options);
    }

    instance(name: string, props: Record<string, unknown> = {}, options: AddOptions = {}): Handle {
        return this.add("ecsInstance", name, props, options);
    }

    associate(name: string, eip: Handle | string, target: Handle | string, props: Record<string, unknown> = {}, options: AddOptions = {}): Handle {
        return this.add(
            "eipAssociation",
            name,
            {
                allocationId: typeof eip === "string" ? eip : eip.ref(),
                instanceId: typeof target === "string" ? target : target.ref(),
                ...props,
            },
            options,
        );
    }

    private entryOf(handle: Handle): Entry {
        const entry = this.entries.find((candidate) => candidate.handle === handle);
        if (entry === undefined) {
            throw new Error(`unknown handle ${handle.name}`);
        }
        return entry;
    }

    /** The value a reference has in this phase. */
    private valueOf(ref: RefValue): unknown {
        const entry = this.entryOf(ref.handle);
        const known = this.phase === "update" || entry.external;
        if (ref.attribute === "id") {
            return known ? ref.handle.id : UNKNOWN;
        }
        const declared = entry.props[ref.attribute];
        if (declared !== undefined && !(declared instanceof RefValue)) {
            return declared;
        }
        if (!known) {
            return UNKNOWN;
        }
        // After the update the provider has filled the attribute in; both ends must agree on it.
        const filled = `${ref.attribute}-of-${ref.handle.name}`;
        this.filledOutputs.set(`${ref.handle.address}\u0000${ref.attribute}`, filled);
        return filled;
    }

    private readonly filledOutputs = new Map<string, string>();

    /** Renders a value, collecting the addresses it depends on. */
    private render(value: unknown, deps: Set<string>): unknown {
        if (value instanceof RefValue) {
            deps.add(value.handle.address);
            return this.valueOf(value);
        }
        if (Array.isArray(value)) {
            return value.map((element) => this.render(element, deps));
        }
        if (typeof value === "object" && value !== null) {
            return Object.fromEntries(Object.entries(value).map(([key, element]) => [key, this.render(element, deps)]));
        }
        return value;
    }

    /**
     * The plan's resources. `declared`: each non-provider resource also carries the inputs its program
     * declared (ResourceInput.declared), as the engine's Analyze calls show them: references unknown
     * at preview, inputs left unset absent.
     */
    resources(options: { declared?: boolean } = {}): ResourceInput[] {
        const rendered = this.entries.map((entry) => this.renderEntry(entry, options.declared ?? false));
        for (const resource of rendered) {
            for (const [key, value] of this.filledOutputs) {
                const [address, attribute] = key.split("\u0000");
                if (address === resource.address && resource.props[attribute] === undefined) {
                    (resource.props as Record<string, unknown>)[attribute] = value;
                }
            }
        }
        return rendered;
    }

    private renderEntry({ handle, props, provider, external, dependsOn }: Entry, withDeclared: boolean): ResourceInput {
        const rendered: Record<string, unknown> = {};
        const propertyDependencies: Record<string, string[]> = {};
        for (const [key, value] of Object.entries(props)) {
            const deps = new Set<string>();
            rendered[key] = this.render(value, deps);
            if (deps.size > 0) {
                propertyDependencies[key] = [...deps];
            }
        }
        // previewComputed below only adds keys and replaces lists: a shallow copy keeps the inputs.
        // A read (`external`) has no Analyze call, so nothing declared.
        const declared = withDeclared && handle.kind !== "provider" && !external ? { ...rendered } : undefined;
        if (handle.kind !== "provider") {
            rendered.id = this.phase === "update" || external ? handle.id : UNKNOWN;
        }
        if (this.phase === "preview" && !external) {
            previewComputed(handle.address.split("::")[2], rendered);
        }
        // As the engine sends them: every property dependency and every explicit one. Left out when
        // there is no explicit one, as most plans in the specs have none.
        const dependencies = dependsOn.length > 0 ? [...new Set([...Object.values(propertyDependencies).flat(), ...dependsOn.map((dep) => dep.address)])] : undefined;
        return {
            address: handle.address,
            name: handle.name,
            kind: handle.kind,
            type: handle.address.split("::")[2],
            props: rendered,
            provider,
            propertyDependencies,
            ...(dependencies === undefined ? {} : { dependencies }),
            ...(declared === undefined ? {} : { declared }),
        };
    }
}

/** Builds the same plan in both phases. */
export function bothPhases(build: (plan: Plan) => void, defaultRegion: string | null = "cn-hangzhou"): Record<Phase, ResourceInput[]> {
    const preview = new Plan("preview", defaultRegion);
    build(preview);
    const update = new Plan("update", defaultRegion);
    build(update);
    return { preview: preview.resources(), update: update.resources() };
}

/** What the provider plans for a new resource: unset Optional+Computed attributes are unknown. */
export function previewComputed(type: string, props: Record<string, unknown>): void {
    for (const key of COMPUTED_AT_PREVIEW[type] ?? []) {
        if (props[key] === undefined) {
            props[key] = UNKNOWN;
        }
    }
    for (const [key, fields] of Object.entries(COMPUTED_IN_ELEMENTS[type] ?? {})) {
        const list = props[key];
        if (Array.isArray(list)) {
            props[key] = list.map((element) =>
                typeof element === "object" && element !== null
                    ? { ...Object.fromEntries(fields.map((field) => [field, UNKNOWN])), ...Object.fromEntries(Object.entries(element).filter(([, v]) => v !== undefined)) }
                    : element,
            );
        }
    }
}
