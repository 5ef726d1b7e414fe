import { test } from "node:test";
import * as assert from "node:assert/strict";
import { policies } from "../src/rules";
import { lines, loadFixtures, runPolicies } from "./harness";

// The same fixtures the Java evaluator reads (PolicyFixturesTest): both must report the same rule ids.
for (const fixture of loadFixtures()) {
    test(`fixture ${fixture.file} reports exactly the expected violations`, async () => {
        const findings = await runPolicies(policies, fixture.environment, fixture.resources);
        assert.deepEqual(lines(findings), lines(fixture.expected));
    });
}

test("every rule has a failing case in some fixture", () => {
    const failing = new Set(loadFixtures().flatMap(f => f.expected.map(e => e.rule)));
    assert.deepEqual(policies.map(p => p.name).filter(name => !failing.has(name)), []);
});
