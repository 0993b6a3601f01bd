// Pulumi's wire sentinel for an unknown string (what the engine sends for a value not known until
// the update), in a module of its own so that tests can use it without loading @pulumi/pulumi.
export const UNKNOWN_SENTINEL = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
