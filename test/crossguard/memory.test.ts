// The heap-growth bound: set while the heap is large, lifted when it is not, never thrown from.

import { HEAP_GROWING_PERCENT, LARGE_HEAP_BYTES, adaptHeapGrowth } from "../../policypack/crossguard/memory";

// The module object itself (an `import * as` namespace is a frozen copy that cannot be spied on).
const v8: typeof import("v8") = require("v8");

afterEach(() => {
    jest.restoreAllMocks();
});

function withHeap(bytes: number): jest.SpyInstance {
    jest.spyOn(process, "memoryUsage").mockReturnValue({ heapUsed: bytes, heapTotal: bytes, rss: bytes, external: 0, arrayBuffers: 0 });
    return jest.spyOn(v8, "setFlagsFromString").mockImplementation(() => undefined);
}

test("a large heap bounds the growth, a small one lifts the bound, and nothing is set twice", () => {
    const flags = withHeap(LARGE_HEAP_BYTES + 1);
    adaptHeapGrowth();
    adaptHeapGrowth();
    expect(flags.mock.calls).toEqual([[`--heap-growing-percent=${HEAP_GROWING_PERCENT}`]]);
    jest.restoreAllMocks();
    const lifted = withHeap(LARGE_HEAP_BYTES);
    adaptHeapGrowth();
    adaptHeapGrowth();
    expect(lifted.mock.calls).toEqual([["--heap-growing-percent=0"]]);
});

test("a failure to read or set never escapes", () => {
    jest.spyOn(process, "memoryUsage").mockImplementation(() => {
        throw new Error("no memory figures");
    });
    expect(() => adaptHeapGrowth()).not.toThrow();
});

test("the bound is a real, moderate factor", () => {
    expect(HEAP_GROWING_PERCENT).toBeGreaterThan(0);
    expect(HEAP_GROWING_PERCENT).toBeLessThan(100);
    expect(LARGE_HEAP_BYTES).toBe(512 * 2 ** 20);
});
