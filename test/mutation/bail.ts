// Stops a mutation-test run at its first failing test, as Stryker's other test runners do: once a
// test has failed the mutant is killed, and running the rest of the tests that cover it only costs
// time (Stryker's jest runner turns Jest's own bail off, and Jest bails per file, not per test).
// Every later test body returns at once and passes; a run with no failure runs every test, so a
// mutant that survives has been through all the tests that cover it, and the dry run that measures
// coverage runs them all. Loaded first by in-process.ts, for mutation testing only.

type Body = (...args: unknown[]) => unknown;
type TestFn = ((name: string, fn?: Body, timeout?: number) => unknown) & Record<string, unknown>;

let failed = false;

function guarded(fn: Body | undefined): Body | undefined {
    if (typeof fn !== "function") {
        return fn;
    }
    const body = function (this: unknown, ...args: unknown[]): unknown {
        if (failed) {
            // A body that takes Jest's `done` callback must still call it.
            if (fn.length > 0 && typeof args[fn.length - 1] === "function") {
                (args[fn.length - 1] as () => void)();
            }
            return undefined;
        }
        try {
            const result = fn.apply(this, args);
            if (result !== null && typeof result === "object" && typeof (result as Promise<unknown>).then === "function") {
                return (result as Promise<unknown>).then(undefined, (error: unknown) => {
                    failed = true;
                    throw error;
                });
            }
            return result;
        } catch (error) {
            failed = true;
            throw error;
        }
    };
    // Jest reads a body's arity to tell a `done` callback from table arguments.
    Object.defineProperty(body, "length", { value: fn.length });
    return body;
}

function wrap(original: TestFn): TestFn {
    const test = ((name: string, fn?: Body, timeout?: number) => original(name, guarded(fn), timeout)) as TestFn;
    for (const key of Object.keys(original)) {
        test[key] = original[key];
    }
    const each = original.each as (...table: unknown[]) => (name: string, fn: Body, timeout?: number) => unknown;
    test.each = (...table: unknown[]) => {
        const define = each(...table);
        return (name: string, fn: Body, timeout?: number) => define(name, guarded(fn)!, timeout);
    };
    return test;
}

const globals = globalThis as unknown as { test: TestFn; it: TestFn };
globals.test = wrap(globals.test);
globals.it = wrap(globals.it);
