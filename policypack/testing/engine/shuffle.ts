// The order of the resources in an AnalyzeStack request is not something a pack may rely on: the
// engine builds the list by ranging over the deployment's new states, a sync.Map (pulumi/pulumi
// pkg/resource/deploy/step_generator.go, (*stepGenerator).AnalyzeResources, `sg.deployment.news.Range`),
// whose order Go leaves unspecified. The harness therefore sends them in a shuffled order, the same
// one for the same seed and the same request, so that a failure can be replayed.

/** The environment variable that sets the seed; unset, the fixed default applies. */
export const SHUFFLE_SEED_VARIABLE = "EIP_GUARD_SHUFFLE_SEED";
export const DEFAULT_SHUFFLE_SEED = 20260827;

/** The seed of this run: `EIP_GUARD_SHUFFLE_SEED` when it is an integer, else the default. */
export function shuffleSeed(env: NodeJS.ProcessEnv = process.env): number {
    const given = env[SHUFFLE_SEED_VARIABLE];
    if (given === undefined || given.trim() === "") {
        return DEFAULT_SHUFFLE_SEED;
    }
    const seed = Number(given);
    if (!Number.isSafeInteger(seed)) {
        throw new Error(`${SHUFFLE_SEED_VARIABLE} must be an integer, not "${given}"`);
    }
    return seed;
}

/** mulberry32: a small 32-bit generator, plenty for permutations. */
function generator(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
    };
}

/** FNV-1a over the keys, mixed into the seed: a different permutation for every request. */
export function seedFor(seed: number, keys: readonly string[]): number {
    let hash = (0x811c9dc5 ^ (seed >>> 0) ^ Math.floor(seed / 2 ** 32)) >>> 0;
    for (const key of keys) {
        for (let i = 0; i < key.length; i++) {
            hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193) >>> 0;
        }
        hash = Math.imul(hash ^ 0x1f, 0x01000193) >>> 0;
    }
    return hash;
}

/** A Fisher-Yates permutation of `items` drawn from `seed`. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
    const out = [...items];
    const next = generator(seed);
    for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
}
