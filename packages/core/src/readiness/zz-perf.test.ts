import { it } from "vitest";
import { buildOrgHeatmap, buildOrgReadiness } from "./team-views.ts";
import { buildFramework } from "../framework/framework.fixtures.ts";
it("perf", () => {
  const f = buildFramework();
  f.levels = Array.from({length: 7}, (_, i) => ({...f.levels[0]!, id: `l${i}`, rank: i+1}));
  f.competencies = Array.from({length: 15}, (_, i) => ({...f.competencies[0]!, id: `c${i}`}));
  f.expectations = Object.fromEntries(f.levels.map(l => [l.id, Object.fromEntries(f.competencies.map(c => [c.id, {expected: 3, weight: 1, descriptor: "", interpolated: false}]))]));
  const members = Array.from({length: 10000}, (_, i) => ({personId: `p${i}`, levelId: `l${i%7}`, team: `t${(i*7919)%50}`, snapshot: {personId: `p${i}`, targetLevelId: "l1", score: Math.random(), verdict: "not-yet" as const, observed: Object.fromEntries(f.competencies.map(c => [c.id, i % 13 === 0 ? null : 1 + (i % 5)])), computedAt: new Date(), validUntil: null}}));
  let t = performance.now();
  buildOrgHeatmap(f, members, 3);
  console.log("heatmap ms", performance.now() - t);
  t = performance.now();
  buildOrgReadiness(f, members, 3);
  console.log("readiness ms", performance.now() - t);
});
