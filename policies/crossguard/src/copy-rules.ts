// Run by `npm pack` (prepack, e.g. for `pulumi policy publish`): copies the single source rules.yaml into the
// pack so the published pack is self-contained. The copy is git-ignored: never commit a second rules.yaml.
import * as fs from "node:fs";
import * as path from "node:path";
import { PACKED_RULES_PATH, SOURCE_RULES_PATH, packDirectory } from "./rules";

const pack = packDirectory();
fs.copyFileSync(path.resolve(pack, SOURCE_RULES_PATH), path.join(pack, PACKED_RULES_PATH));
console.log(`copied ${SOURCE_RULES_PATH} into the pack as ${PACKED_RULES_PATH}`);
