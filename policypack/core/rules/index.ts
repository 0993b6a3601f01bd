// Every rule of the pack, in the order the FAQ raises them. Policy names are a public contract.

import { albNlbEipPerZone } from "./alb-nlb-eip-per-zone";
import { clbSingleEip } from "./clb-single-eip";
import { ecsEniLimit } from "./ecs-eni-limit";
import { ecsSingleEip } from "./ecs-single-eip";
import { eipClbResourceGroup } from "./eip-clb-resource-group";
import { eipDnatConflict } from "./eip-dnat-conflict";
import { eipSameRegion } from "./eip-same-region";
import { eipSingleBinding } from "./eip-single-binding";
import { eipSupportedTarget } from "./eip-supported-target";
import { eniEipCapacity } from "./eni-eip-capacity";
import { eniPrivateIpLimit } from "./eni-private-ip-limit";
import { havipSingleEip } from "./havip-single-eip";
import { natGatewayEipLimit } from "./nat-gateway-eip-limit";
import { natGatewayVswitchCapacity } from "./nat-gateway-vswitch-capacity";

/** The registry: the one list of the pack's policies. Everything else (PolicyName, docs, tests) derives from it. */
export const RULES = [
    eipSingleBinding,
    eipSameRegion,
    eipSupportedTarget,
    ecsSingleEip,
    eniEipCapacity,
    ecsEniLimit,
    eniPrivateIpLimit,
    natGatewayEipLimit,
    natGatewayVswitchCapacity,
    albNlbEipPerZone,
    clbSingleEip,
    havipSingleEip,
    eipDnatConflict,
    eipClbResourceGroup,
] as const;
