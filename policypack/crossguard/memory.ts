// Keeps the pack's memory bounded on very large stacks.
//
// @pulumi/policy deserialises the whole stack again for every stack policy. On a 50k-resource stack
// each pass leaves garbage behind, and V8's default heap growing lets it pile up across passes: in the
// benchmark the process's peak RSS climbed to 2.8 GiB although about 0.9 GiB of it was alive (the
// request message itself). Once the heap is that large, a smaller growing factor makes V8 collect
// sooner, concurrently with the work where a second core is free. On ordinary stacks the default is
// kept: collecting sooner there would only cost time.

import * as v8 from "v8";

/** Above this much live heap, the old generation may grow only by HEAP_GROWING_PERCENT before a collection. */
export const LARGE_HEAP_BYTES = 512 * 2 ** 20;
export const HEAP_GROWING_PERCENT = 30;

let bounded = false;

/** Bounds V8's heap growth while the heap is large, and lifts the bound when it is not. Never throws. */
export function adaptHeapGrowth(): void {
    try {
        const large = process.memoryUsage().heapUsed > LARGE_HEAP_BYTES;
        if (large !== bounded) {
            // 0 is V8's default: a factor it derives from its own measurements.
            v8.setFlagsFromString(`--heap-growing-percent=${large ? HEAP_GROWING_PERCENT : 0}`);
            bounded = large;
        }
    } catch {
        // An optimisation only: the pack works the same without it.
    }
}
