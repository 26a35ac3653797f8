import {
  ACTIVE_FRAMEWORK_SLUG,
  ANY_CHANGE,
  assertAdmin,
  buildOrgHeatmapFromCells,
  buildOrgReadinessFromCells,
  nextLevel,
  type OrgHeatmap,
  type OrgReadiness,
  type OrgViewFilter,
  type SnapshotFreshness,
  type Viewer,
} from "@ascent/core";
import type { AppServices } from "./composition-root.ts";

/** People recomputed per call when snapshots are missing or stale: one ratings query each. */
const REFRESH_CHUNK = 500;

/**
 * How long a kept org heatmap holds with no change heard: snapshots also go stale with time (their
 * validUntil), which no notification announces.
 */
const HEATMAP_KEPT_MS = 60_000;

type OrgServices = Pick<AppServices, "frameworks" | "readiness" | "readinessSnapshots" | "now" | "memo">;

/**
 * The latest ladder, k, and the level × team × verdict sums of every fresh snapshot, after missing or
 * stale snapshots are recomputed exactly as for the per-person path: a few hundred rows, not one per person.
 */
async function freshSummary(services: OrgServices) {
  const [version, settings] = await Promise.all([
    services.frameworks.version(ACTIVE_FRAMEWORK_SLUG, "latest"),
    services.readiness.settings(),
  ]);
  const framework = version.document;
  const freshness: SnapshotFreshness = {
    targetByLevel: Object.fromEntries(framework.levels.map((l) => [l.id, nextLevel(framework, l.id).id])),
    fallbackTarget: nextLevel(framework, null).id,
    now: services.now(),
    frameworkPublishedAt: version.publishedAt,
  };
  let summary = await services.readinessSnapshots.summarizeByLevelAndTeam(freshness);
  if (summary.staleIds.length > 0) {
    for (let i = 0; i < summary.staleIds.length; i += REFRESH_CHUNK) {
      await services.readiness.refreshSnapshots(summary.staleIds.slice(i, i + REFRESH_CHUNK));
    }
    summary = await services.readinessSnapshots.summarizeByLevelAndTeam(freshness);
  }
  return { framework, freshness, k: settings.k, cells: summary.cells };
}

/** Org-wide readiness for the next level, as buildOrgReadiness gives it, from the database's sums. */
export async function readOrgReadiness(
  services: OrgServices,
  viewer: Viewer,
  filter: OrgViewFilter = {},
): Promise<OrgReadiness> {
  assertAdmin(viewer);
  const { framework, k, cells } = await freshSummary(services);
  return buildOrgReadinessFromCells(framework, cells, k, filter);
}

/** The org-wide competency heatmap, as buildOrgHeatmap gives it, from sums per level × team × competency. */
export async function readOrgHeatmap(
  services: OrgServices,
  viewer: Viewer,
  filter: OrgViewFilter = {},
): Promise<OrgHeatmap> {
  assertAdmin(viewer);
  // It expands every snapshot's competencies, so it is kept until anything changes in the organisation.
  return services.memo.remember(`org-heatmap:${JSON.stringify([filter.levelId, filter.team])}`, async () => {
    const { framework, freshness, k, cells } = await freshSummary(services);
    const competencies = await services.readinessSnapshots.summarizeCompetencies(freshness);
    return {
      value: buildOrgHeatmapFromCells(framework, { readiness: cells, competencies }, k, filter),
      dependsOn: [ANY_CHANGE],
      validUntil: new Date(services.now().getTime() + HEATMAP_KEPT_MS),
    };
  });
}
