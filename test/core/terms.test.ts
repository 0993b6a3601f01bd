import { CORE_WORDS, prop, renderTerms, typeOf } from "../../policypack/core/terms";
import { TERRAFORM_WORDS, snake } from "../../policypack/cli/formats/terraform/words";
import { camel } from "../../policypack/cli/formats/terraform/names";
import { PULUMI_WORDS } from "../../policypack/pulumi/words";

const TEXT = `Set ${prop("internetMaxBandwidthOut")} to 0, point the ${typeOf("eipAssociation")} elsewhere, or use ${prop("zoneMappings[].allocationId")}.`;

test("one rule text in each front end's words", () => {
    expect(renderTerms(TEXT, PULUMI_WORDS)).toBe("Set internetMaxBandwidthOut to 0, point the alicloud.ecs.EipAssociation elsewhere, or use zoneMappings[].allocationId.");
    expect(renderTerms(TEXT, TERRAFORM_WORDS)).toBe("Set internet_max_bandwidth_out to 0, point the alicloud_eip_association elsewhere, or use zone_mappings[].allocation_id.");
    expect(renderTerms(TEXT, CORE_WORDS)).toBe("Set internetMaxBandwidthOut to 0, point the EIP association elsewhere, or use zoneMappings[].allocationId.");
});

test("a text without terms is left as it is", () => {
    expect(renderTerms('EIP "a" is bound 2 times.', TERRAFORM_WORDS)).toBe('EIP "a" is bound 2 times.');
});

test("Terraform's attribute names are the inverse of the bridge's camelCase", () => {
    for (const name of ["internet_max_bandwidth_out", "allocation_id", "eip_bind_mode", "network_interface_id", "depends_on"]) {
        expect(snake(camel(name))).toBe(name);
    }
});
