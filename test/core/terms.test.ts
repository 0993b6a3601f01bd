import { analyze } from "../../policypack/core/engine";
import { RULES } from "../../policypack/core/rules";
import { everyViolation } from "../support/catalogue";
import { Plan } from "../support/plan";
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

test("terms are for messages: no policy's metadata holds one, and every finding is rendered", () => {
    const unrendered = /[\uE000\uE001]/;
    for (const rule of RULES) {
        expect({ rule: rule.name, text: [rule.description, rule.faq, rule.remediationSteps, ...rule.rejects].filter((text) => unrendered.test(text)) }).toEqual({
            rule: rule.name,
            text: [],
        });
    }
    const plan = new Plan("preview");
    everyViolation(plan);
    for (const words of [CORE_WORDS, PULUMI_WORDS, TERRAFORM_WORDS]) {
        expect(analyze(plan.resources(), {}, RULES, words).filter((finding) => unrendered.test(finding.message))).toEqual([]);
    }
});
