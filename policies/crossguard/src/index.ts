// The pack entry point for `pulumi preview --policy-pack policies/crossguard` (the only `new PolicyPack`).
import { PolicyPack } from "@pulumi/policy";
import { policies } from "./rules";

new PolicyPack("fluxo", { policies });
