import { ecsSingleEip } from "../../../policypack/core/rules/ecs-single-eip";
import { Plan } from "../../support/plan";
import { ruleTester } from "../../support/rule-tester";

function network(plan: Plan, webProps: Record<string, unknown> = {}) {
    const vswitch = plan.vswitch("vsw");
    const web = plan.instance("web", { vswitchId: vswitch.ref(), ...webProps });
    const api = plan.instance("api", { vswitchId: vswitch.ref() });
    return { vswitch, web, api };
}

ruleTester(ecsSingleEip, {
    passes: [
        {
            name: "one EIP per instance",
            plan: (plan) => {
                const { web, api } = network(plan);
                plan.associate("web-assoc", plan.eip("web-eip"), web);
                plan.associate("api-assoc", plan.eip("api-eip"), api, { instanceType: "EcsInstance" });
            },
        },
        {
            name: "internetMaxBandwidthOut 0 is no static public IP",
            plan: (plan) => {
                const { web } = network(plan, { internetMaxBandwidthOut: 0 });
                plan.associate("web-assoc", plan.eip("web-eip"), web);
            },
        },
        {
            name: "internetMaxBandwidthOut left unset (unknown at preview, no dependency) is not a static public IP",
            plan: (plan) => {
                const { web } = network(plan);
                plan.associate("web-assoc", plan.eip("web-eip"), web);
            },
        },
        {
            name: "several EIPs reach one instance through its secondary ENIs (instanceType NetworkInterface)",
            plan: (plan) => {
                const { vswitch, web } = network(plan);
                plan.associate("web-assoc", plan.eip("web-eip"), web);
                for (const n of [1, 2]) {
                    const eni = plan.add("eni", `eni-${n}`, { vswitchId: vswitch.ref() });
                    plan.add("eniAttachment", `attach-${n}`, { instanceId: web.ref(), networkInterfaceId: eni.ref() });
                    plan.associate(`eni-assoc-${n}`, plan.eip(`eni-eip-${n}`), eni, { instanceType: "NetworkInterface" });
                }
            },
        },
        {
            name: "NAT-mode EIPs on the instance's primary ENI (networkInterfaceId) beside its one instance-level EIP",
            plan: (plan) => {
                const vswitch = plan.vswitch("vsw");
                const eni = plan.add("eni", "web-eni", { vswitchId: vswitch.ref(), primaryIpAddress: "10.0.1.10", privateIpAddresses: ["10.0.1.11", "10.0.1.12"] });
                const web = plan.instance("web", { networkInterfaceId: eni.ref(), vswitchId: vswitch.ref() });
                plan.associate("web-assoc", plan.eip("web-eip"), web);
                for (const ip of ["10.0.1.11", "10.0.1.12"]) {
                    plan.associate(`nat-${ip}`, plan.eip(`nat-eip-${ip}`), eni, { instanceType: "NetworkInterface", mode: "NAT", privateIpAddress: ip });
                }
            },
            undecided: [],
        },
        {
            name: "a static public IP on an instance that takes no EIP",
            plan: (plan) => {
                const { api } = network(plan, { internetMaxBandwidthOut: 5 });
                plan.associate("api-assoc", plan.eip("api-eip"), api);
            },
        },
        {
            name: "internetMaxBandwidthOut computed from another resource is undecided",
            plan: (plan) => {
                const settings = plan.eip("settings");
                const { web } = network(plan, { internetMaxBandwidthOut: settings.ref("bandwidth") });
                plan.associate("web-assoc", plan.eip("web-eip"), web);
            },
            undecided: ["web"],
        },
    ],
    fails: [
        {
            name: "two EIPs on one instance",
            plan: (plan) => {
                const { web } = network(plan);
                plan.associate("web-assoc-1", plan.eip("web-eip-1"), web);
                plan.associate("web-assoc-2", plan.eip("web-eip-2"), web, { instanceType: "EcsInstance" });
            },
            violations: ["web"],
            involved: { web: ["web", "web-assoc-1", "web-assoc-2"] },
        },
        {
            name: "three EIPs on one instance, the other instance untouched",
            plan: (plan) => {
                const { web, api } = network(plan);
                for (const n of [1, 2, 3]) {
                    plan.associate(`web-assoc-${n}`, plan.eip(`web-eip-${n}`), web);
                }
                plan.associate("api-assoc", plan.eip("api-eip"), api);
            },
            violations: ["web"],
            involved: { web: ["web", "web-assoc-1", "web-assoc-2", "web-assoc-3"] },
        },
        {
            name: "two associations with the same literal i- id",
            plan: (plan) => {
                plan.associate("first", plan.eip("eip-1"), "i-bp1existing");
                plan.associate("second", "eip-bp1other", "i-bp1existing");
            },
            violations: ["first"],
            involved: { first: ["first", "second"] },
        },
        {
            name: "an instance read into the stack and also named by its literal id",
            plan: (plan) => {
                const vswitch = plan.vswitch("vsw");
                const existing = plan.instance("existing", { vswitchId: vswitch.ref() }, { external: true, id: "i-bp1read01" });
                plan.associate("by-ref", plan.eip("eip-1"), existing);
                plan.associate("by-id", plan.eip("eip-2"), "i-bp1read01");
            },
            violations: ["existing"],
            involved: { existing: ["by-id", "by-ref", "existing"] },
        },
        {
            name: "an instance with internetMaxBandwidthOut 5 has a static public IP",
            plan: (plan) => {
                const { web } = network(plan, { internetMaxBandwidthOut: 5 });
                plan.associate("web-assoc", plan.eip("web-eip"), web);
            },
            violations: ["web"],
            involved: { web: ["web", "web-assoc"] },
            messages: [
                'ECS instance "web" has a static public IP (internetMaxBandwidthOut is above 0)',
                'EIP association "web-assoc" will be refused (Forbidden.InstanceBandwidthNotZero)',
                "Set internetMaxBandwidthOut to 0",
            ],
        },
        {
            name: 'internetMaxBandwidthOut given as the text "5"',
            plan: (plan) => {
                const { web } = network(plan, { internetMaxBandwidthOut: "5" });
                plan.associate("web-assoc", plan.eip("web-eip"), web);
            },
            violations: ["web"],
            involved: { web: ["web", "web-assoc"] },
        },
        {
            name: "the message for two EIPs names the instance and the associations, states the rule and gives the fix",
            plan: (plan) => {
                const { web } = network(plan);
                plan.associate("web-assoc-1", plan.eip("web-eip-1"), web);
                plan.associate("web-assoc-2", plan.eip("web-eip-2"), web);
            },
            violations: ["web"],
            involved: { web: ["web", "web-assoc-1", "web-assoc-2"] },
            messages: [
                'ECS instance "web" would hold 2 EIPs on its primary network interface',
                'EIP association "web-assoc-1" and EIP association "web-assoc-2"',
                "an ECS instance can be associated with only one EIP",
                "attach secondary ENIs",
                "the instance's primary ENI takes them too",
            ],
        },
        {
            // The tester also checks that reportUndecided: false leaves the violations as they are.
            name: "reportUndecided: false never hides a violation",
            plan: (plan) => {
                const settings = plan.eip("settings");
                const { web } = network(plan, { internetMaxBandwidthOut: settings.ref("bandwidth") });
                plan.associate("web-assoc-1", plan.eip("web-eip-1"), web);
                plan.associate("web-assoc-2", plan.eip("web-eip-2"), web);
            },
            violations: ["web"],
            involved: { web: ["web", "web-assoc-1", "web-assoc-2"] },
            undecided: ["web"],
        },
    ],
});
