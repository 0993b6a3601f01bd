// The one refusal every reader shares: a file of infrastructure with no alicloud resource in it. The
// checker would find nothing there, and saying "no violations" would wrongly suggest it had looked.

import { InputError } from "../input";
import { InputFormat } from "./loaded";

/** A file of another cloud's infrastructure: the checker reports it as not checked (exit 0), not as an error. */
export class NoAlicloudResource extends InputError {
    constructor(
        file: string,
        problem: string,
        /** How many resources the file holds. */
        readonly count: number,
        /** What the file is, once the reader that refused it is known (detect.ts). */
        readonly format?: InputFormat,
    ) {
        super(file, problem);
    }

    inFormat(format: InputFormat): NoAlicloudResource {
        return new NoAlicloudResource(this.file, this.problem, this.count, format);
    }
}

/**
 * The error for `file`, a `described` input ("Terraform plan for hashicorp/aws") holding `count`
 * resources, none of them alicloud's; `detail` adds to the count why none is ("none of type alicloud_*").
 */
export function noAlicloudResource(file: string, described: string, count: number, detail?: string): NoAlicloudResource {
    const counted = `${count} resource${count === 1 ? "" : "s"}${detail === undefined ? "" : `, ${detail}`}`;
    return new NoAlicloudResource(file, `is a ${described}, with no alicloud resource (${counted}). This checker reads Alibaba Cloud (alicloud) infrastructure only.`, count);
}
