// HCL's operators on known values, and UNKNOWN whenever an operand is unknown or of another type.

import { binary, unary } from "../../../policypack/cli/formats/hcl/operators";
import { UNKNOWN } from "../../../policypack/core/values";

test.each([
    ["add", 2, 3, 5],
    ["subtract", "5", 2, 3],
    ["multiply", 2, 2.5, 5],
    ["divide", 5, 2, 2.5],
    ["divide", 1, 0, UNKNOWN],
    ["modulo", 7, 3, 1],
    ["lessThan", 1, 2, true],
    ["greaterThanOrEqual", 2, 2, true],
    ["equal", 1, "1", false],
    ["equal", ["a", { b: 1 }], ["a", { b: 1 }], true],
    ["notEqual", "a", "b", true],
    ["equal", UNKNOWN, 1, UNKNOWN],
    ["logicalAnd", true, false, false],
    ["logicalOr", false, true, true],
    ["logicalOr", "true", true, UNKNOWN],
    ["add", "a", 1, UNKNOWN],
    ["add", UNKNOWN, 1, UNKNOWN],
])("%s(%p, %p) is %p", (operator, a, b, expected) => {
    expect(binary(operator, a, b)).toEqual(expected);
});

test("unary operators", () => {
    expect(unary("negate", 3)).toBe(-3);
    expect(unary("logicalNot", false)).toBe(true);
    expect(unary("negate", "3")).toBe(UNKNOWN);
    expect(unary("logicalNot", UNKNOWN)).toBe(UNKNOWN);
});
