// What a front end hands the core: resources with a kind, props and their links.
//
// The core knows nothing about gRPC, Pulumi proxies or Terraform JSON. A front end maps its own
// resource types onto the kinds below, writes props with the Pulumi (camelCase) property names,
// marks unknown values (see values.ts), and reports which resources each property was computed
// from. That last part is what lets the rules decide at preview time, when every new id is unknown.

export type ResourceKind =
    "provider" | "eip" | "eipAssociation" | "ecsInstance" | "eni" | "eniAttachment" | "natGateway" | "forwardEntry" | "vswitch" | "vpc" | "clb" | "alb" | "nlb" | "havip";

export interface ResourceInput {
    /** A unique address: the URN for Pulumi, the resource address for Terraform. */
    readonly address: string;
    /** The name a user recognises (the Pulumi resource name); used in every message. */
    readonly name: string;
    readonly kind: ResourceKind;
    /** The front end's own type token, for messages and debugging. */
    readonly type: string;
    /** Props with Pulumi property names; unknown values marked as in values.ts. */
    readonly props: Readonly<Record<string, unknown>>;
    /** Address of the provider resource this resource is managed by, when known. */
    readonly provider?: string;
    /** For each property, the addresses of the resources its value was computed from. */
    readonly propertyDependencies?: Readonly<Record<string, readonly string[]>>;
    /**
     * Addresses of every resource this one waits for: its property dependencies and those declared
     * explicitly (Pulumi `dependsOn`, Terraform `depends_on`). Only the order of creation is read from it.
     */
    readonly dependencies?: readonly string[];
    /**
     * The inputs the program declared, when the front end knows them (the CrossGuard pack from the
     * engine's Analyze calls): an input left unset is absent, one set to a value not known yet is
     * unknown. `props` cannot tell those two apart at preview; see Model.setting.
     */
    readonly declared?: Readonly<Record<string, unknown>>;
}
