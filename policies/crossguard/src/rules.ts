// The rules of rules.yaml as @pulumi/policy policies. This module never calls `new PolicyPack` (which would start
// the analyzer's gRPC server), so tests can call each policy's validateResource/validateStack directly.
import * as fs from "node:fs";
import * as path from "node:path";
import { isCelError, parse, plan, celEnv, type CelResult } from "@bufbuild/cel";
import type {
    EnforcementLevel,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import * as YAML from "yaml";

/** rules.yaml, relative to the pack directory, when the pack is used from the source tree. */
export const SOURCE_RULES_PATH = "../src/main/resources/dev/fluxo/policies/rules.yaml";
/** rules.yaml inside a packed pack (copied there by `npm pack`, see copy-rules.ts). */
export const PACKED_RULES_PATH = "rules.yaml";
/** Overrides the environment that would otherwise be the stack name. */
export const ENVIRONMENT_VARIABLE = "FLUXO_POLICY_ENVIRONMENT";
/** What a value unknown during preview (and not a reference to a resource) looks like to the rules. */
export const UNKNOWN_VALUE = "(unknown)";

export type Severity = "mandatory" | "advisory";
export type Scope = "resource" | "stack";

export interface Rule {
    id: string;
    description: string;
    severity: Severity;
    /** Empty means every environment ("all"). */
    environments: string[];
    scope: Scope;
    resourceTypes: string[];
    when?: string;
    check: string;
    message: string;
    remediation: string;
}

export interface RuleFile {
    version: number;
    jsonStringInputs: string[];
    taggableTypes: string[];
    rules: Rule[];
}

/** A resource as the rules see it: the same shape as the Java ResourceInput and the fixtures. */
export interface ResourceInput {
    type: string;
    name: string;
    inputs: Record<string, unknown>;
}

const TOP_LEVEL_FIELDS = ["version", "jsonStringInputs", "taggableTypes", "rules"];
const RULE_FIELDS = ["id", "description", "severity", "environments", "scope", "resourceTypes", "when", "check",
    "message", "remediation"];
const REQUIRED_TEXT_FIELDS = ["description", "check", "message", "remediation"];
const KEBAB_CASE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const ANY_TYPE = "*";
const IAM_LIST_FIELDS = new Set(["Action", "NotAction", "Resource", "NotResource"]);
// The placeholders @pulumi/policy uses for values unknown during preview (its proxy module is not typed).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const policyProxy = require("@pulumi/policy/proxy") as Record<string, unknown>;
const UNKNOWN_SENTINELS = new Set(Object.keys(policyProxy)
    .filter(k => k.startsWith("unknown") && k.endsWith("Value") && typeof policyProxy[k] === "string")
    .map(k => policyProxy[k] as string));
const PROXY_TARGET = "__getSpecialProxyTarget";

/** The directory holding PulumiPolicy.yaml, found upwards from `from`. */
export function packDirectory(from: string = __dirname): string {
    for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, "PulumiPolicy.yaml"))) {
            return dir;
        }
        if (path.dirname(dir) === dir) {
            throw new Error(`no PulumiPolicy.yaml above ${from}`);
        }
    }
}

/**
 * rules.yaml: the source tree's (the Java module's resource) when the pack runs from the repository, else the copy
 * packed with it. The source wins so that a stale packed copy never shadows an edited rule.
 */
export function rulesPath(): string {
    const pack = packDirectory();
    const source = path.resolve(pack, SOURCE_RULES_PATH);
    return fs.existsSync(source) ? source : path.join(pack, PACKED_RULES_PATH);
}

/** Parses and validates rules.yaml text; throws one Error listing every problem, each naming its rule. */
export function parseRuleFile(text: string, source = "rules.yaml"): RuleFile {
    const problems: string[] = [];
    let root: unknown;
    try {
        root = YAML.parse(text);
    } catch (e) {
        throw new Error(`Invalid policy rules in ${source}: not valid YAML: ${(e as Error).message}`);
    }
    if (!isRecord(root)) {
        throw new Error(`Invalid policy rules in ${source}: the file must be a mapping`);
    }
    unknownFields(root, TOP_LEVEL_FIELDS, "top level", problems);
    if (root.version !== 1) {
        problems.push(`top level: 'version' must be 1 (was ${String(root.version)})`);
    }
    const jsonStringInputs = stringList(root.jsonStringInputs, "top level: 'jsonStringInputs'", true, problems);
    const taggableTypes = stringList(root.taggableTypes, "top level: 'taggableTypes'", true, problems);
    const rules: Rule[] = [];
    if (!Array.isArray(root.rules) || root.rules.length === 0) {
        problems.push("top level: 'rules' must be a non-empty list");
    } else {
        const ids = new Set<string>();
        root.rules.forEach((node: unknown, i: number) => {
            const rule = readRule(node, i, ids, problems);
            if (rule) {
                rules.push(rule);
            }
        });
    }
    if (problems.length > 0) {
        throw new Error(`Invalid policy rules in ${source} (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n  - `
            + problems.join("\n  - "));
    }
    return { version: 1, jsonStringInputs, taggableTypes, rules };
}

function readRule(node: unknown, index: number, ids: Set<string>, problems: string[]): Rule | undefined {
    if (!isRecord(node)) {
        problems.push(`rule #${index + 1}: must be a mapping`);
        return undefined;
    }
    const id = typeof node.id === "string" ? node.id : undefined;
    const where = id === undefined ? `rule #${index + 1}` : `rule '${id}'`;
    const before = problems.length;
    if (id === undefined) {
        problems.push(`${where}: 'id' is required`);
    } else if (!KEBAB_CASE.test(id)) {
        problems.push(`${where}: 'id' must be kebab-case (e.g. s3-bucket-encrypted-kms)`);
    } else if (ids.has(id)) {
        problems.push(`${where}: duplicate id`);
    } else {
        ids.add(id);
    }
    unknownFields(node, RULE_FIELDS, where, problems);
    for (const field of REQUIRED_TEXT_FIELDS) {
        if (typeof node[field] !== "string" || (node[field] as string).trim() === "") {
            problems.push(`${where}: '${field}' is required (a non-blank string)`);
        }
    }
    if (node.when !== undefined && (typeof node.when !== "string" || node.when.trim() === "")) {
        problems.push(`${where}: 'when' must be a non-blank CEL string when present`);
    }
    if (node.severity !== "mandatory" && node.severity !== "advisory") {
        problems.push(`${where}: 'severity' must be 'mandatory' or 'advisory' (was ${String(node.severity)})`);
    }
    const scope = node.scope ?? "resource";
    if (scope !== "resource" && scope !== "stack") {
        problems.push(`${where}: 'scope' must be 'resource' or 'stack' (was ${String(node.scope)})`);
    }
    let environments: string[] = [];
    if (node.environments !== "all") {
        if (typeof node.environments === "string") {
            problems.push(`${where}: 'environments' must be 'all' or a list of environments`);
        } else {
            environments = stringList(node.environments, `${where}: 'environments'`, false, problems);
        }
    }
    const resourceTypes = stringList(node.resourceTypes, `${where}: 'resourceTypes'`, false, problems);
    for (const field of ["when", "check"]) {
        if (typeof node[field] === "string") {
            try {
                parse(node[field] as string);
            } catch (e) {
                problems.push(`${where}: '${field}' is not valid CEL: ${(e as Error).message}`);
            }
        }
    }
    if (problems.length > before) {
        return undefined;
    }
    return {
        id: id!, description: node.description as string, severity: node.severity as Severity, environments,
        scope: scope as Scope, resourceTypes, when: node.when as string | undefined, check: node.check as string,
        message: node.message as string, remediation: node.remediation as string,
    };
}

function stringList(value: unknown, what: string, mayBeEmpty: boolean, problems: string[]): string[] {
    if (Array.isArray(value) && (mayBeEmpty || value.length > 0)
        && value.every(e => typeof e === "string" && e.trim() !== "")) {
        return value as string[];
    }
    problems.push(`${what} must be a ${mayBeEmpty ? "" : "non-empty "}list of strings`);
    return [];
}

function unknownFields(map: Record<string, unknown>, known: string[], where: string, problems: string[]): void {
    for (const field of Object.keys(map)) {
        if (!known.includes(field)) {
            problems.push(`${where}: unknown field '${field}' (known: ${[...known].sort().join(", ")})`);
        }
    }
}

function isRecord(value: unknown): value is Record<string, any> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

// ------------------------------------------------------------------------------------------- values for CEL

/**
 * Turns resource inputs into CEL values exactly as the Java evaluator (CelValues) does: whole numbers become CEL
 * ints (bigint), other numbers doubles; null/undefined are dropped; JSON-object strings of `jsonStringInputs` are
 * parsed and IAM documents normalised (Statement, Action, NotAction, Resource, NotResource always lists).
 * Values unknown during preview become the logical name of the resource the input depends on (if exactly known
 * from `references`), else UNKNOWN_VALUE, so "is it set" checks pass and references still link.
 */
export function celInputs(props: Record<string, unknown>, jsonStringInputs: string[],
                          references: Record<string, string[]> = {}): Record<string, unknown> {
    const raw = unwrapProxy(props) as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(raw)) {
        let converted: unknown = value;
        if (typeof value === "string" && UNKNOWN_SENTINELS.has(value)) {
            const deps = references[key] ?? [];
            converted = deps.length === 1 ? deps[0] : UNKNOWN_VALUE;
        } else if (jsonStringInputs.includes(key) && typeof value === "string") {
            converted = parseJsonObject(value);
        }
        const normalised = celValue(converted);
        if (normalised !== undefined) {
            out[key] = normalised;
        }
    }
    return out;
}

function unwrapProxy(value: unknown): unknown {
    if (typeof value === "object" && value !== null) {
        const target = (value as Record<string, unknown>)[PROXY_TARGET];
        return target ?? value;
    }
    return value;
}

function parseJsonObject(text: string): unknown {
    if (!text.trim().startsWith("{")) {
        return text;
    }
    let document: unknown;
    try {
        document = JSON.parse(text);
    } catch {
        return text;
    }
    if (!isRecord(document) || !("Statement" in document)) {
        return document;
    }
    const statements = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
    document.Statement = statements.map((s: unknown) => isRecord(s)
        ? Object.fromEntries(Object.entries(s).map(([k, v]) => [k, IAM_LIST_FIELDS.has(k) && !Array.isArray(v) ? [v] : v]))
        : s);
    return document;
}

function celValue(value: unknown): unknown {
    value = unwrapProxy(value);
    if (value === null || value === undefined) {
        return undefined;
    }
    if (typeof value === "string" && UNKNOWN_SENTINELS.has(value)) {
        return UNKNOWN_VALUE;
    }
    if (Array.isArray(value)) {
        return value.map(celValue).filter(v => v !== undefined);
    }
    if (typeof value === "number") {
        return Number.isInteger(value) && Number.isSafeInteger(value) ? BigInt(value) : value;
    }
    if (typeof value === "object") {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
            const normalised = celValue(v);
            if (normalised !== undefined) {
                out[k] = normalised;
            }
        }
        return out;
    }
    return value;
}

// ------------------------------------------------------------------------------------------- evaluation

/** The environment of a resource: $FLUXO_POLICY_ENVIRONMENT, else the stack name in its URN. */
export function environmentOf(urn: string): string {
    const override = process.env[ENVIRONMENT_VARIABLE];
    if (override) {
        return override;
    }
    // urn:pulumi:<stack>::<project>::<type>::<name>
    const stack = urn.split("::")[0].split(":")[2];
    if (!stack) {
        throw new Error(`cannot read the stack name from URN '${urn}'; set ${ENVIRONMENT_VARIABLE}`);
    }
    return stack;
}

type Program = (ctx: Record<string, unknown>) => CelResult;

/** A rule with its CEL compiled once. */
export class CompiledRule {
    private readonly when?: Program;
    private readonly check: Program;

    constructor(readonly rule: Rule, private readonly file: RuleFile) {
        const env = celEnv();
        this.when = rule.when === undefined ? undefined : plan(env, parse(rule.when)) as Program;
        this.check = plan(env, parse(rule.check)) as Program;
    }

    appliesTo(type: string, environment: string): boolean {
        const r = this.rule;
        return (r.environments.length === 0 || r.environments.includes(environment))
            && (r.resourceTypes.includes(ANY_TYPE) || r.resourceTypes.includes(type));
    }

    /**
     * The violation message for one resource, or undefined when it complies or the rule does not apply.
     * A CEL evaluation error is a violation whose message carries CEL's error text.
     */
    evaluate(resource: ResourceInput, environment: string, resources: ResourceInput[] = []): string | undefined {
        if (!this.appliesTo(resource.type, environment)) {
            return undefined;
        }
        const ctx = {
            inputs: resource.inputs, type: resource.type, name: resource.name, environment,
            taggableTypes: this.file.taggableTypes, resources,
        };
        if (this.when) {
            const applies = this.when(ctx);
            if (applies !== true) {
                return applies === false ? undefined : this.error("when", applies);
            }
        }
        const ok = this.check(ctx);
        return ok === true ? undefined : ok === false ? this.rule.message : this.error("check", ok);
    }

    private error(stage: string, result: CelResult): string {
        const text = isCelError(result) ? result.message : `expression returned ${String(result)} instead of a boolean`;
        return `CEL evaluation error in '${stage}': ${text}`;
    }

    /** What reportViolation receives: the message and how to fix it. */
    violationText(message: string): string {
        return `${message} Remediation: ${this.rule.remediation}`;
    }
}

/** Turns one rule into a CrossGuard policy (resource or stack validation, by its scope). */
export function toPolicy(compiled: CompiledRule, file: RuleFile): ResourceValidationPolicy | StackValidationPolicy {
    const rule = compiled.rule;
    const base = { name: rule.id, description: rule.description, enforcementLevel: rule.severity as EnforcementLevel };
    if (rule.scope === "resource") {
        return {
            ...base,
            validateResource: (args: ResourceValidationArgs, reportViolation: ReportViolation) => {
                const resource = { type: args.type, name: args.name, inputs: celInputs(args.props, file.jsonStringInputs) };
                const message = compiled.evaluate(resource, environmentOf(args.urn));
                if (message !== undefined) {
                    reportViolation(compiled.violationText(message));
                }
            },
        };
    }
    return {
        ...base,
        validateStack: (args: StackValidationArgs, reportViolation: ReportViolation) => {
            const resources = args.resources.map(r => ({
                urn: r.urn,
                input: {
                    type: r.type, name: r.name,
                    inputs: celInputs(r.props, file.jsonStringInputs, Object.fromEntries(
                        Object.entries(r.propertyDependencies ?? {}).map(([k, deps]) => [k, deps.map(d => d.name)]))),
                },
            }));
            const all = resources.map(r => r.input);
            for (const r of resources) {
                const message = compiled.evaluate(r.input, environmentOf(r.urn), all);
                if (message !== undefined) {
                    reportViolation(compiled.violationText(message), r.urn);
                }
            }
        },
    };
}

/** The rule file and its policies, loaded from `file` (default: rulesPath()). */
export function loadPolicies(file: string = rulesPath()): { ruleFile: RuleFile; rules: CompiledRule[];
    policies: (ResourceValidationPolicy | StackValidationPolicy)[] } {
    const ruleFile = parseRuleFile(fs.readFileSync(file, "utf8"), file);
    const rules = ruleFile.rules.map(r => new CompiledRule(r, ruleFile));
    return { ruleFile, rules, policies: rules.map(r => toPolicy(r, ruleFile)) };
}

const loaded = loadPolicies();
/** The rules of rules.yaml. */
export const ruleFile: RuleFile = loaded.ruleFile;
/** One CrossGuard policy per rule, in file order. */
export const policies = loaded.policies;
