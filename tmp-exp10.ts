import { loadBuiltinLadder } from "./apps/server/src/builtin-ladder.ts";
import { planSyntheticOrganisation } from "./apps/server/src/synthetic/synthetic-organisation.ts";
const f = await loadBuiltinLadder();
for (let i = 0; i < 3; i++) { const t = performance.now(); planSyntheticOrganisation(f, { people: 10000 }); console.log(performance.now() - t); }
