// Values Alibaba Cloud fills in once a resource exists. The provider reads every Optional+Computed
// attribute back after creating a resource, so the outputs of a deployed resource (what the engine
// sends for it after the update, and at every later preview of the stack) hold the values the API
// chose next to the ones the program set, and nothing tells them apart.

import { Binding } from "./model";
import { isKnown, readString } from "./values";

/**
 * Whether a zone mapping's EIP, named by a literal allocation id, may be one the system allocated:
 * an Internet-facing ALB or NLB created without `zoneMappings[].allocationId` gets an EIP in every
 * zone, which the provider reads back into the mapping. That can only be so once the load balancer
 * exists (its id is known); a literal on a load balancer still to be created was set by the program.
 */
export function mayBeSystemAllocated(binding: Binding): boolean {
    return binding.source === "zoneMapping" && binding.eip.kind === "literal" && isKnown(readString(binding.via.props, "id"));
}
