// Runs the CrossGuard policies offline, as the Pulumi engine would: validateResource per resource, validateStack
// once with every resource. Fixtures live in ../fixtures (shared with the Java tests).
import * as fs from "node:fs";
import * as path from "node:path";
import type { Policies, PolicyResource, ResourceValidation, ResourceValidationArgs, StackValidationArgs } from "@pulumi/policy";
import { packDirectory, type ResourceInput } from "../src/rules";

export interface Finding { rule: string; resource: string }
export interface Fixture { file: string; environment: string; resources: ResourceInput[]; expected: Finding[] }

/** The shared fixtures directory (policies/fixtures). */
export const FIXTURES_DIR = path.resolve(packDirectory(__dirname), "../fixtures");
const EXPECTED_SUFFIX = ".expected.json";

/**
 * Every fixture: either {environment, resources, expected} or a plain array of resources (e.g. a plan generated
 * from a stack) with a sibling <name>.expected.json holding {environment, expected}.
 */
export function loadFixtures(dir: string = FIXTURES_DIR): Fixture[] {
    return fs.readdirSync(dir).filter(f => f.endsWith(".json") && !f.endsWith(EXPECTED_SUFFIX)).sort().map(f => {
        const content = JSON.parse(fs.readFileSync(path.join(dir, f), "utf8"));
        const siblingPath = path.join(dir, f.replace(/\.json$/, EXPECTED_SUFFIX));
        const meta = Array.isArray(content)
            ? (fs.existsSync(siblingPath) ? JSON.parse(fs.readFileSync(siblingPath, "utf8")) : undefined)
            : content;
        if (!meta || typeof meta.environment !== "string" || !Array.isArray(meta.expected)) {
            throw new Error(`fixture ${f} needs 'environment' and 'expected' (in the file or in ${path.basename(siblingPath)})`);
        }
        return { file: f, environment: meta.environment, resources: Array.isArray(content) ? content : content.resources,
            expected: meta.expected };
    });
}

export function urnOf(environment: string, r: { type: string; name: string }): string {
    return `urn:pulumi:${environment}::fluxo::${r.type}::${r.name}`;
}

/** Calls every policy on the resources, like `pulumi preview --policy-pack`, and returns what they reported. */
export async function runPolicies(policies: Policies, environment: string, resources: ResourceInput[]): Promise<Finding[]> {
    const findings: Finding[] = [];
    const byUrn = new Map(resources.map(r => [urnOf(environment, r), r.name]));
    for (const policy of policies) {
        if ("validateResource" in policy && policy.validateResource) {
            const validations: ResourceValidation[] = Array.isArray(policy.validateResource)
                ? policy.validateResource : [policy.validateResource];
            for (const r of resources) {
                const args = {
                    type: r.type, name: r.name, urn: urnOf(environment, r), props: r.inputs, opts: {}, stackTags: new Map(),
                    isType: () => false, asType: () => undefined, getConfig: () => ({}),
                    notApplicable: () => { throw new Error("not applicable"); },
                } as unknown as ResourceValidationArgs;
                for (const validate of validations) {
                    await validate(args, () => findings.push({ rule: policy.name, resource: r.name }));
                }
            }
        }
        if ("validateStack" in policy) {
            const stack = resources.map(r => ({
                type: r.type, name: r.name, urn: urnOf(environment, r), props: r.inputs, opts: {},
                dependencies: [], propertyDependencies: {}, isType: () => false, asType: () => undefined,
            })) as unknown as PolicyResource[];
            const args = { resources: stack, stackTags: new Map(), getConfig: () => ({}),
                notApplicable: () => { throw new Error("not applicable"); } } as unknown as StackValidationArgs;
            await policy.validateStack(args, (_message: string, urn?: string) =>
                findings.push({ rule: policy.name, resource: urn ? byUrn.get(urn) ?? urn : "(stack)" }));
        }
    }
    return findings;
}

/** Findings as sorted "rule resource" lines, for order-independent comparison. */
export function lines(findings: Finding[]): string[] {
    return findings.map(f => `${f.rule} ${f.resource}`).sort();
}
