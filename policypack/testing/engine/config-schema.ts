// Validates a policy's merged options against its configSchema the way the Pulumi CLI does before
// it sends Configure, and words each problem the way the CLI prints it.
//
// The CLI validates with github.com/xeipuuv/gojsonschema v1.2.0 (pulumi/pulumi
// pkg/resource/analyzer/config.go, validatePolicyConfig): no `$schema`, so the loader's default
// "hybrid" draft (draft-04/06/07 keywords), every error reported, unknown keywords ignored, and the
// formats it knows checked. Ajv (draft-07, allErrors, strict off, ajv-formats) accepts and refuses
// the same documents for the keywords a policy schema uses; its messages are then reworded into
// gojsonschema's (locales.go, DefaultLocale) so that a test can compare them with the CLI's text.

import type Ajv from "ajv";
import type { ErrorObject, ValidateFunction } from "ajv";

// Ajv is loaded only when a configuration is validated: the test helper ships in the package, whose
// users need not install it (see `schemaValidationAvailable`).
function loadAjv(): Ajv {
    const { default: AjvClass } = require("ajv") as typeof import("ajv");
    const { default: addFormats } = require("ajv-formats") as typeof import("ajv-formats");
    const instance = new AjvClass({ allErrors: true, strict: false, verbose: true });
    addFormats(instance);
    return instance;
}

/** Whether ajv and ajv-formats can be loaded, so that configurations can be checked as the CLI does. */
export function schemaValidationAvailable(): boolean {
    try {
        require.resolve("ajv");
        require.resolve("ajv-formats");
        return true;
    } catch {
        return false;
    }
}

/** A policy's config schema as GetAnalyzerInfo carries it. */
export interface PolicySchema {
    readonly properties: Record<string, unknown>;
    readonly required: readonly string[];
}

/**
 * The schema the CLI validates against: config.go `convertSchema` wraps the policy's properties and
 * required list in an object schema, leaving additional properties allowed.
 */
export function cliSchemaOf(schema: PolicySchema): Record<string, unknown> {
    return {
        type: "object",
        ...(Object.keys(schema.properties).length > 0 ? { properties: schema.properties } : {}),
        ...(schema.required.length > 0 ? { required: schema.required } : {}),
    };
}

let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

function validatorOf(schema: Record<string, unknown>): ValidateFunction {
    const key = JSON.stringify(schema);
    let validate = compiled.get(key);
    if (validate === undefined) {
        ajv ??= loadAjv();
        validate = ajv.compile(schema);
        compiled.set(key, validate);
    }
    return validate;
}

/** gojsonschema's context path: `(root)`, `maxEips`, `exemptions.0.reason`. */
function fieldOf(instancePath: string): string {
    if (instancePath === "") {
        return "(root)";
    }
    return instancePath
        .slice(1)
        .split("/")
        .map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"))
        .join(".");
}

/** gojsonschema's name for the type of a document value (validation.go, validateRecursive). */
function jsonTypeOf(value: unknown): string {
    if (value === null || value === undefined) return "null";
    if (Array.isArray(value)) return "array";
    if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
    return typeof value;
}

/** A *big.Float limit as text/template prints it (Text('g', 10)): 1, 2.5, 1e+06. */
function goFloat(value: unknown): string {
    const n = Number(value);
    const [mantissa, exponent] = Number(n.toPrecision(10)).toExponential().split("e");
    const exp = Number(exponent);
    if (exp < -4 || exp >= 10) {
        return `${mantissa}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
    }
    return String(Number(n.toPrecision(10)));
}

/** One Ajv error as gojsonschema describes it (locales.go, DefaultLocale). */
function describe(error: ErrorObject, field: string): string {
    const params = error.params;
    switch (error.keyword) {
        case "type":
            return `Invalid type. Expected: ${Array.isArray(error.schema) ? `[${error.schema.join(",")}]` : String(error.schema)}, given: ${jsonTypeOf(error.data)}`;
        case "required":
            return `${params.missingProperty} is required`;
        case "additionalProperties":
            return `Additional property ${params.additionalProperty} is not allowed`;
        case "minimum":
            return `Must be greater than or equal to ${goFloat(params.limit)}`;
        case "maximum":
            return `Must be less than or equal to ${goFloat(params.limit)}`;
        case "exclusiveMinimum":
            return `Must be greater than ${goFloat(params.limit)}`;
        case "exclusiveMaximum":
            return `Must be less than ${goFloat(params.limit)}`;
        case "multipleOf":
            return `Must be a multiple of ${goFloat(params.multipleOf)}`;
        case "minLength":
            return `String length must be greater than or equal to ${params.limit}`;
        case "maxLength":
            return `String length must be less than or equal to ${params.limit}`;
        case "pattern":
            return `Does not match pattern '${params.pattern}'`;
        case "format":
            return `Does not match format '${params.format}'`;
        case "minItems":
            return `Array must have at least ${params.limit} items`;
        case "maxItems":
            return `Array must have at most ${params.limit} items`;
        case "minProperties":
            return `Must have at least ${params.limit} properties`;
        case "maxProperties":
            return `Must have at most ${params.limit} properties`;
        case "enum":
            return `${field} must be one of the following: ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
        case "const":
            return `${field} does not match: ${JSON.stringify(params.allowedValue)}`;
        case "anyOf":
            return "Must validate at least one schema (anyOf)";
        case "oneOf":
            return "Must validate one and only one schema (oneOf)";
        case "not":
            return "Must not validate the schema (not)";
        default:
            return error.message ?? error.keyword;
    }
}

/**
 * The problems of one policy's options, each worded as config.go `validatePolicyConfig` words it:
 * gojsonschema's `<field>: <description>`, with the `(root): ` prefix trimmed.
 */
export function schemaProblems(schema: PolicySchema, options: Record<string, unknown>): string[] {
    const validate = validatorOf(cliSchemaOf(schema));
    if (validate(options)) {
        return [];
    }
    return (validate.errors ?? []).map((error) => {
        const field = fieldOf(error.instancePath);
        const text = `${field}: ${describe(error, field)}`;
        return text.startsWith("(root): ") ? text.slice("(root): ".length) : text;
    });
}
