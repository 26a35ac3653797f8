/** Test factories, shared with the other packages' tests. Not part of the runtime API. */
export { buildFramework } from "./framework/framework.fixtures.ts";
export { buildMigrationMap, buildNextFramework } from "./framework/migration.fixtures.ts";
export { InMemoryAuditLog } from "./audit/audit.fixtures.ts";
export { accessFromReportingChain } from "./access/access.fixtures.ts";
export {
  seededRandom,
  normalFrom,
  simulateManagerCycle,
  type SimulatedCycleSpec,
} from "./rater-effects/rater-effects.fixtures.ts";
