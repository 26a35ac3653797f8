import { loadBuiltinLadder } from "./apps/server/src/builtin-ladder.ts";
import { planSyntheticOrganisation } from "./apps/server/src/synthetic/synthetic-organisation.ts";
const f = await loadBuiltinLadder();
for (const n of [10, 60, 200, 1000, 10000, 100000]) {
let t = performance.now();
const plan = planSyntheticOrganisation(f, { people: n });
const spans = new Map<string, number>(); for (const p of plan.people) if (p.managerId) spans.set(p.managerId, (spans.get(p.managerId) ?? 0) + 1);
const v = [...spans.values()];
const depth = new Map<number, number>(); for (const p of plan.people) depth.set(p.depth, (depth.get(p.depth) ?? 0) + 1);
console.log(n, "plan ms", (performance.now() - t).toFixed(0), "spans", Math.min(...v), Math.max(...v), (v.reduce((a, b) => a + b) / v.length).toFixed(2), "outside", v.filter(x => x < 5 || x > 8).length, "/", v.length, [...depth].map(x=>x[1]).join(","));
}
