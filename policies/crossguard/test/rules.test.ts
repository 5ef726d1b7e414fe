import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import { CompiledRule, ENVIRONMENT_VARIABLE, UNKNOWN_VALUE, celInputs, environmentOf, parseRuleFile, policies,
    ruleFile, rulesPath, toPolicy } from "../src/rules";
import { runPolicies } from "./harness";

const KEY = "arn:aws:kms:us-east-1:123456789012:key/k";
const unknownString = (require("@pulumi/policy/proxy") as { unknownStringValue: string }).unknownStringValue;

test("the pack reads the Java module's rules.yaml (one source of rules)", () => {
    assert.match(rulesPath().replace(/\\/g, "/"), /policies\/src\/main\/resources\/dev\/fluxo\/policies\/rules\.yaml$/);
    assert.equal(policies.length, ruleFile.rules.length);
});

test("policies carry the rule's id, description and severity as name, description and enforcement level", () => {
    const rule = ruleFile.rules.find(r => r.severity === "advisory")!;
    const policy = policies.find(p => p.name === rule.id)!;
    assert.equal(policy.description, rule.description);
    assert.equal(policy.enforcementLevel, "advisory");
});

test("invalid rules are rejected with every problem listed, each naming its rule", () => {
    const yaml = fs.readFileSync(rulesPath(), "utf8")
        .replace("severity: mandatory", "severity: blocker")
        .replace("id: sqs-queue-encrypted-kms", "id: sqs-queue-encrypted-kms\n    colour: red")
        .replace("check: has(inputs.kmsKeyId)", "check: has(inputs.kmsKeyId) &&");
    assert.throws(() => parseRuleFile(yaml), (e: Error) => {
        assert.match(e.message, /3 problems/);
        assert.match(e.message, /rule 's3-bucket-encrypted-kms': 'severity' must be 'mandatory' or 'advisory' \(was blocker\)/);
        assert.match(e.message, /rule 'sqs-queue-encrypted-kms': unknown field 'colour'/);
        assert.match(e.message, /rule 'log-group-encrypted-kms': 'check' is not valid CEL/);
        return true;
    });
});

test("a CEL evaluation error is reported as a violation of the rule, with the error text", () => {
    const rule = new CompiledRule({ ...ruleFile.rules[0], id: "broken", scope: "resource", resourceTypes: ["*"],
        environments: [], when: undefined, check: "inputs.missing == 1" }, ruleFile);
    assert.match(rule.evaluate({ type: "t", name: "n", inputs: {} }, "dev")!, /CEL evaluation error in 'check': .*missing/);
});

test("the environment is the stack name unless FLUXO_POLICY_ENVIRONMENT overrides it", () => {
    assert.equal(environmentOf("urn:pulumi:prod::fluxo::aws:s3/bucketV2:BucketV2::bronze"), "prod");
    process.env[ENVIRONMENT_VARIABLE] = "dev";
    try {
        assert.equal(environmentOf("urn:pulumi:prod::fluxo::aws:s3/bucketV2:BucketV2::bronze"), "dev");
    } finally {
        delete process.env[ENVIRONMENT_VARIABLE];
    }
});

test("inputs are converted like the Java evaluator: ints, dropped nulls, parsed and normalised IAM documents", () => {
    const inputs = celInputs({ n: 7, d: 1.5, gone: null, policy: JSON.stringify({ Statement: { Action: "s3:*", Resource: "*" } }) },
        ruleFile.jsonStringInputs);
    assert.deepEqual(inputs, { n: 7n, d: 1.5, policy: { Statement: [{ Action: ["s3:*"], Resource: ["*"] }] } });
});

test("during preview an unknown input counts as set, and an unknown reference links to the resource it depends on", () => {
    assert.deepEqual(celInputs({ kmsKeyId: unknownString, bucket: unknownString }, [], { bucket: ["bronze"] }),
        { kmsKeyId: UNKNOWN_VALUE, bucket: "bronze" });
    const sqs = policies.find(p => p.name === "sqs-queue-encrypted-kms")!;
    let reported = 0;
    (sqs as any).validateResource({ type: "aws:sqs/queue:Queue", name: "q", urn: "urn:pulumi:dev::fluxo::aws:sqs/queue:Queue::q",
        props: { kmsMasterKeyId: unknownString } }, () => reported++);
    assert.equal(reported, 0);
});

test("stack rules link a new bucket to its public access block through property dependencies", async () => {
    const rule = ruleFile.rules.find(r => r.id === "s3-bucket-public-access-blocked")!;
    const policy = toPolicy(new CompiledRule(rule, ruleFile), ruleFile) as any;
    const bucket = { type: "aws:s3/bucketV2:BucketV2", name: "bronze", urn: "urn:pulumi:dev::fluxo::aws:s3/bucketV2:BucketV2::bronze",
        props: {}, propertyDependencies: {} };
    const block = { type: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", name: "bronze-pab",
        urn: "urn:pulumi:dev::fluxo::aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock::bronze-pab",
        props: { bucket: unknownString, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
        propertyDependencies: { bucket: [bucket] } };
    const reported: string[] = [];
    await policy.validateStack({ resources: [bucket, block] }, (_m: string, urn: string) => reported.push(urn));
    assert.deepEqual(reported, []);
});

test("a prod-only rule does not fire in dev", async () => {
    const db = { type: "aws:rds/instance:Instance", name: "db", inputs: { engine: "mysql", storageEncrypted: true, kmsKeyId: KEY,
        backupRetentionPeriod: 1, tags: { environment: "x", project: "p", owner: "o", "cost-center": "c" } } };
    const rules = (await runPolicies(policies, "dev", [db])).map(f => f.rule);
    assert.deepEqual(rules, []);
    const prod = (await runPolicies(policies, "prod", [db])).map(f => f.rule).sort();
    assert.deepEqual(prod, ["rds-prod-backup-retention", "rds-prod-deletion-protected"]);
});
