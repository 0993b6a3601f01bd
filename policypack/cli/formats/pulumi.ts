// Pulumi JSON (`pulumi stack export`, `pulumi preview --json`) to the core's resources, mapped the
// way `pulumi policy analyze` feeds a deployment to a pack's stack policies: each resource's outputs
// (its inputs where it has no outputs yet), its property dependencies, and its provider reference
// `<urn>::<id>` resolved to the provider resource, whose inputs carry the region. A resource without
// outputs on a provider whose configuration is unknown gets no properties, as the engine sends it to
// the pack at preview (policypack/core/coverage.ts), so that both gates say the same about it.

import { configurationUnknown } from "../../core/coverage";
import { ResourceInput } from "../../core/resources";
import { ALICLOUD_PROVIDER_TYPE, kindOfPulumiType } from "../../pulumi/types";
import { UNKNOWN, isRecord } from "../../core/values";
import { InputError } from "../input";
import { LoadedInput, lineLocator } from "./loaded";
import { noAlicloudResource } from "./refusal";

const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const RESOURCE_REFERENCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
/** How `pulumi preview --json` prints a secret. */
const SECRET_PLACEHOLDER = "[secret]";

/** Deployment versions whose resources this reader knows. */
const DEPLOYMENT_VERSIONS = [3];

/** Preview steps that leave no resource behind. */
const REMOVING_OPS = new Set(["delete", "delete-replaced", "discard", "discard-replaced", "remove-pending-replace", "read-discard"]);

/**
 * Preview steps of resources read with `.get()`. The engine sends policies no read resource, at
 * preview or at update (pulumi/pulumi pkg/resource/deploy/step_executor.go keeps them out of the
 * resources AnalyzeStack is given), so the checker leaves them out too, as it leaves out the
 * `external` states of an export: a read resource is outside the stack to both gates.
 */
const READ_OPS = new Set(["read", "read-replacement"]);

/**
 * A Pulumi property value as the core reads it: secrets opened when their plaintext is there (else
 * unknown), resource references downgraded to their id, as the engine does for analyzers.
 */
export function plainValue(value: unknown, depth = 0): unknown {
    if (depth > 200) {
        return UNKNOWN;
    }
    if (value === SECRET_PLACEHOLDER) {
        return UNKNOWN;
    }
    if (Array.isArray(value)) {
        return value.map((element) => plainValue(element, depth + 1));
    }
    if (!isRecord(value)) {
        return value;
    }
    const sig = value[SIG_KEY];
    if (sig === SECRET_SIG) {
        if (typeof value.plaintext === "string") {
            try {
                return plainValue(JSON.parse(value.plaintext), depth + 1);
            } catch {
                return UNKNOWN;
            }
        }
        return "value" in value ? plainValue(value.value, depth + 1) : UNKNOWN;
    }
    if (sig === RESOURCE_REFERENCE_SIG) {
        if ("id" in value) {
            return typeof value.id === "string" && value.id !== "" ? plainValue(value.id, depth + 1) : UNKNOWN;
        }
        return typeof value.urn === "string" ? value.urn : UNKNOWN;
    }
    if (typeof sig === "string") {
        return value; // An asset or archive: nothing the rules read.
    }
    const out: Record<string, unknown> = {};
    for (const [key, element] of Object.entries(value)) {
        out[key] = plainValue(element, depth + 1);
    }
    return out;
}

/** `<urn>::<id>` to the urn. */
export function providerUrnOf(reference: string): string {
    const at = reference.lastIndexOf("::");
    return at < 0 ? reference : reference.slice(0, at);
}

/** The name part of a URN: everything after the type. */
export function nameOfUrn(urn: string): string {
    const parts = urn.split("::");
    return parts.length >= 4 ? parts.slice(3).join("::") : urn;
}

/** The type part of a URN (the last of `parent$type`). */
function typeOfUrn(urn: string): string {
    const parts = urn.split("::");
    const qualified = parts[2] ?? "";
    return qualified.slice(qualified.lastIndexOf("$") + 1);
}

interface PulumiState {
    readonly urn: string;
    readonly type: string;
    readonly id?: string;
    readonly inputs: Record<string, unknown>;
    /** False when the state has no `inputs` at all: nothing is known of what the program declared. */
    readonly hasInputs: boolean;
    readonly outputs: Record<string, unknown>;
    readonly provider?: string;
    readonly propertyDependencies: Record<string, string[]>;
    readonly dependencies: string[];
    /** Read with `.get()`, not managed by the stack. */
    readonly external: boolean;
}

function readState(value: unknown, stepProvider?: unknown): PulumiState | undefined {
    if (!isRecord(value) || typeof value.urn !== "string") {
        return undefined;
    }
    const type = typeof value.type === "string" ? value.type : typeOfUrn(value.urn);
    const deps: Record<string, string[]> = {};
    if (isRecord(value.propertyDependencies)) {
        for (const [key, list] of Object.entries(value.propertyDependencies)) {
            deps[key] = Array.isArray(list) ? list.filter((urn): urn is string => typeof urn === "string") : [];
        }
    }
    const provider =
        typeof value.provider === "string" && value.provider !== "" ? value.provider : typeof stepProvider === "string" && stepProvider !== "" ? stepProvider : undefined;
    return {
        urn: value.urn,
        type,
        id: typeof value.id === "string" && value.id !== "" ? value.id : undefined,
        inputs: isRecord(value.inputs) ? value.inputs : {},
        hasInputs: isRecord(value.inputs),
        outputs: isRecord(value.outputs) ? value.outputs : {},
        provider,
        propertyDependencies: deps,
        dependencies: Array.isArray(value.dependencies) ? value.dependencies.filter((urn): urn is string => typeof urn === "string") : [],
        external: value.external === true,
    };
}

function isAlicloudType(type: string): boolean {
    return type.startsWith("alicloud:");
}

/**
 * `withDeclared`: hand the core each resource's inputs as what the program declared (a preview, whose
 * outputs cannot tell an input left unset from one not known yet; an export's outputs are all known).
 */
function toResources(file: string, what: string, states: readonly PulumiState[], defaultRegion: unknown, withDeclared: boolean): { resources: ResourceInput[]; total: number } {
    const managed = states.filter((state) => !state.type.startsWith("pulumi:pulumi:") && !state.type.startsWith("pulumi:providers:"));
    if (managed.length > 0 && !managed.some((state) => isAlicloudType(state.type))) {
        const packages = [...new Set(managed.map((state) => state.type.split(":")[0]))];
        throw noAlicloudResource(file, `${what} of ${packages.join(", ")} resources`, managed.length);
    }
    const byUrn = new Map(states.map((state) => [state.urn, state]));
    const providers = new Map<string, ResourceInput>();
    const resources: ResourceInput[] = [];
    /** The provider resource of a provider URN, made once. */
    const providerFor = (urn: string | undefined): string | undefined => {
        if (urn === undefined) {
            return undefined;
        }
        if (!providers.has(urn)) {
            const state = byUrn.get(urn);
            const name = nameOfUrn(urn);
            let props: Record<string, unknown>;
            if (state !== undefined) {
                props = plainValue(Object.keys(state.inputs).length > 0 ? state.inputs : state.outputs) as Record<string, unknown>;
            } else {
                // A provider the file does not list (a preview without --show-sames): a default
                // provider takes the stack's alicloud:region, as the engine configures it.
                props = /^default(_|$)/.test(name) && typeof defaultRegion === "string" && defaultRegion !== SECRET_PLACEHOLDER ? { region: defaultRegion } : {};
            }
            providers.set(urn, { address: urn, name, kind: "provider", type: state?.type ?? typeOfUrn(urn), props });
        }
        return urn;
    };
    for (const state of states) {
        const kind = kindOfPulumiType(state.type);
        if (kind === undefined || kind === "provider") {
            continue;
        }
        const provider = providerFor(state.provider === undefined ? undefined : providerUrnOf(state.provider));
        const providerInput = provider === undefined ? undefined : providers.get(provider);
        const unconfigured = Object.keys(state.outputs).length === 0 && providerInput !== undefined && configurationUnknown(providerInput);
        const source = Object.keys(state.outputs).length > 0 ? { ...state.inputs, ...state.outputs } : state.inputs;
        const props = unconfigured ? {} : (plainValue(source) as Record<string, unknown>);
        if (!unconfigured) {
            props.id = state.id ?? (typeof props.id === "string" && props.id !== "" ? props.id : UNKNOWN);
        }
        resources.push({
            address: state.urn,
            name: nameOfUrn(state.urn),
            kind,
            type: state.type,
            props,
            provider,
            propertyDependencies: state.propertyDependencies,
            ...(state.dependencies.length > 0 ? { dependencies: state.dependencies } : {}),
            ...(withDeclared && state.hasInputs ? { declared: plainValue(state.inputs) as Record<string, unknown> } : {}),
        });
    }
    // alicloud providers no resource uses are listed too (their URN is already a provider URN).
    for (const state of states) {
        if (state.type === ALICLOUD_PROVIDER_TYPE) {
            providerFor(state.urn);
        }
    }
    return { resources: [...providers.values(), ...resources], total: managed.length };
}

export function fromStackExport(file: string, doc: Record<string, unknown>, text: string): LoadedInput {
    if (typeof doc.version !== "number" || !DEPLOYMENT_VERSIONS.includes(doc.version)) {
        throw new InputError(
            file,
            `is a Pulumi stack export of deployment version ${JSON.stringify(doc.version)}, which this checker does not know: it reads version 3, what \`pulumi stack export\` writes.`,
        );
    }
    const deployment = isRecord(doc.deployment) ? doc.deployment : {};
    const states = (Array.isArray(deployment.resources) ? deployment.resources : [])
        .filter((resource) => !(isRecord(resource) && resource.delete === true))
        .flatMap((resource) => readState(resource) ?? [])
        .filter((state) => !state.external);
    const { resources, total } = toResources(file, "Pulumi stack export", states, undefined, false);
    const locate = lineLocator(text, "urn");
    return { file, format: "pulumi-export", resources, totalResources: total, notes: [], locate: (address) => locate(address) };
}

export function fromPreview(file: string, doc: Record<string, unknown>, text: string): LoadedInput {
    const latest = new Map<string, PulumiState>();
    for (const step of Array.isArray(doc.steps) ? doc.steps : []) {
        if (!isRecord(step)) {
            continue;
        }
        const op = typeof step.op === "string" ? step.op : "";
        const urn = typeof step.urn === "string" ? step.urn : undefined;
        if (REMOVING_OPS.has(op) || READ_OPS.has(op)) {
            if (urn !== undefined) {
                latest.delete(urn);
            }
            continue;
        }
        const state = readState(step.newState, step.provider);
        if (state !== undefined && !state.external) {
            latest.set(state.urn, state);
        }
    }
    const config = isRecord(doc.config) ? doc.config : {};
    const { resources, total } = toResources(file, "Pulumi preview", [...latest.values()], config["alicloud:region"], true);
    const notes: string[] = [];
    let partial: string | undefined;
    const unchanged = isRecord(doc.changeSummary) && typeof doc.changeSummary.same === "number" ? doc.changeSummary.same : 0;
    if (unchanged > 0 && !(Array.isArray(doc.steps) && doc.steps.some((step) => isRecord(step) && step.op === "same"))) {
        partial = `The preview lists only the resources it changes; the ${unchanged} it leaves as they are are not in it and are treated as outside the stack. Run \`pulumi preview --json --show-sames\` to check the whole stack.`;
        notes.push(partial);
    }
    const locate = lineLocator(text, "urn");
    return { file, format: "pulumi-preview", resources, totalResources: total, notes, ...(partial === undefined ? {} : { partial }), locate: (address) => locate(address) };
}
