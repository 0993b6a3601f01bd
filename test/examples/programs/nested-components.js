"use strict";
// Components two levels deep, and a component passed as an input: what the engine's URNs and its
// marshalling of resource references look like to an analyzer (test/examples/program.test.ts).
const pulumi = require("@pulumi/pulumi");
const alicloud = require("@pulumi/alicloud");

class Tier extends pulumi.ComponentResource {
    constructor(name, opts) {
        super("acme:web:Tier", name, {}, opts);
        const vpc = new alicloud.vpc.Network(`${name}-vpc`, { cidrBlock: "10.0.0.0/16" }, { parent: this });
        this.eip = new alicloud.ecs.EipAddress(`${name}-eip`, { addressName: name, bandwidth: "10" }, { parent: this });
        this.vpc = vpc;
        this.registerOutputs({});
    }
}

class Site extends pulumi.ComponentResource {
    constructor(name, opts) {
        super("acme:web:Site", name, {}, opts);
        this.tier = new Tier(`${name}-tier`, { parent: this });
        this.registerOutputs({});
    }
}

const site = new Site("site");
// A component and a custom resource given as inputs: the SDK sends both as resource references.
new alicloud.vpc.Switch("vsw", {
    vpcId: site.tier.vpc.id,
    cidrBlock: "10.0.1.0/24",
    zoneId: "cn-hangzhou-h",
    tags: { site: site, eip: site.tier.eip },
});
