// The functions evaluated offline, on known arguments; any other function, or an argument that is
// not known, gives UNKNOWN.

import { callFunction } from "../../../policypack/cli/formats/hcl/functions";
import { ResourceObject } from "../../../policypack/cli/formats/hcl/values";
import { UNKNOWN } from "../../../policypack/core/values";

test.each([
    ["length", ["héllo"], 5],
    ["length", [{ a: 1, b: 2 }], 2],
    ["lower", ["AbC"], "abc"],
    ["tostring", [5], "5"],
    ["tonumber", ["5.5"], 5.5],
    ["tonumber", ["x"], UNKNOWN],
    ["toset", [["b", "a", "b", 1]], ["1", "a", "b"]],
    ["toset", [[{ a: 1 }]], UNKNOWN],
    ["tolist", [["a"]], ["a"]],
    ["tomap", [{ a: 1 }], { a: 1 }],
    ["keys", [{ b: 1, a: 2 }], ["a", "b"]],
    ["values", [{ b: 1, a: 2 }], [2, 1]],
    ["lookup", [{ a: 1 }, "a"], 1],
    ["lookup", [{ a: 1 }, "b", 0], 0],
    ["lookup", [{ a: 1 }, "b"], UNKNOWN],
    ["element", [["a", "b"], 3], "b"],
    ["concat", [["a"], ["b", "c"]], ["a", "b", "c"]],
    ["merge", [{ a: 1 }, null, { a: 2, b: 3 }], { a: 2, b: 3 }],
    ["join", ["-", ["a", 1], ["b"]], "a-1-b"],
    ["contains", [["a", "b"], "b"], true],
    ["range", [3], [0, 1, 2]],
    ["range", [1, 7, 3], [1, 4]],
    ["range", [0, 1000000], UNKNOWN],
    ["format", ["%s", "a"], UNKNOWN],
    ["join", ["-", ["a", UNKNOWN]], UNKNOWN],
])("%s(%p) is %p", (name, args, expected) => {
    expect(callFunction(name, args as unknown[])).toEqual(expected);
});

test("the length and keys of collections of unknown values or resource instances are known", () => {
    expect(callFunction("length", [[UNKNOWN, UNKNOWN]])).toBe(2);
    expect(callFunction("keys", [{ b: new ResourceObject("x.b"), a: UNKNOWN }])).toEqual(["a", "b"]);
    expect(callFunction("length", [UNKNOWN])).toBe(UNKNOWN);
});
