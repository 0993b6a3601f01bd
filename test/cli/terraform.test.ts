// The pieces of the Terraform front end on their own: addresses, unknown markers, names, and the
// pairing of configuration blocks with planned set elements.

import { camel, matchBlocks, overlayUnknown, pulumiNames, traversal } from "../../policypack/cli/formats/terraform";
import { UNKNOWN } from "../../policypack/core/values";

test("addresses and references split into names and keys", () => {
    expect(traversal('module.web["a"].alicloud_instance.this[0].id')).toEqual([
        { name: "module" },
        { name: "web" },
        { key: "a" },
        { name: "alicloud_instance" },
        { name: "this" },
        { key: 0 },
        { name: "id" },
    ]);
    expect(traversal("alicloud_eip_address.web-1.id")).toEqual([{ name: "alicloud_eip_address" }, { name: "web-1" }, { name: "id" }]);
    expect(traversal("alicloud_eip_address.web[*].id")).toEqual([{ name: "alicloud_eip_address" }, { name: "web" }]);
});

test("snake_case attributes become Pulumi's camelCase; map keys (tags) stay as the user wrote them", () => {
    expect(camel("internet_max_bandwidth_out")).toBe("internetMaxBandwidthOut");
    expect(camel("private_ipv4_address")).toBe("privateIpv4Address");
    expect(pulumiNames({ zone_mappings: [{ zone_id: "h", allocation_id: "eip-1" }], tags: { "eip-guard:exempt": "all", team_name: "x" } })).toEqual({
        zoneMappings: [{ zoneId: "h", allocationId: "eip-1" }],
        tags: { "eip-guard:exempt": "all", team_name: "x" },
    });
});

test("after_unknown marks values, list elements and fields of nested blocks as unknown", () => {
    const planned = { bandwidth: "10", zone_mappings: [{ zone_id: "h" }, null], ids: [null] };
    const unknown = { id: true, zone_mappings: [{ allocation_id: true }, true], ids: [true] };
    expect(overlayUnknown(planned, unknown)).toEqual({ bandwidth: "10", id: UNKNOWN, zone_mappings: [{ zone_id: "h", allocation_id: UNKNOWN }, UNKNOWN], ids: [UNKNOWN] });
});

test("configuration blocks are paired with the planned elements of a set whatever their order", () => {
    const blocks = [
        { zone_id: { constant_value: "cn-hangzhou-h" }, vswitch_id: { references: ["alicloud_vswitch.h.id"] } },
        { zone_id: { constant_value: "cn-hangzhou-i" }, vswitch_id: { references: ["alicloud_vswitch.i.id"] } },
    ];
    expect(
        matchBlocks(blocks, [
            { zone_id: "cn-hangzhou-i", vswitch_id: UNKNOWN },
            { zone_id: "cn-hangzhou-h", vswitch_id: UNKNOWN },
        ]),
    ).toEqual([1, 0]);
    expect(matchBlocks(blocks, [{ zone_id: "cn-hangzhou-h" }])).toBeUndefined();
    expect(matchBlocks(blocks, [{ zone_id: "cn-hangzhou-j" }, { zone_id: "cn-hangzhou-h" }])).toBeUndefined();
});
