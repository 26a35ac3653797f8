import type { InsightsView, Level } from "@ascent/core";
import type { TOrgInsights } from "@ascent/contract";

/**
 * People appear by name only, as role holders and managers; the bench carries counts and never a
 * score (computeOrgInsights has none to give).
 */
export function presentInsights(view: InsightsView, scope: TOrgInsights["scope"]): TOrgInsights {
  const { insights, names } = view;
  const levels = new Map(view.levels.map((l) => [l.id, l]));
  const levelRef = (id: string) => {
    const level: Level | undefined = levels.get(id);
    return { id, name: level?.name ?? id };
  };
  const link = (id: string) => ({ id, name: names.get(id) ?? "" });
  return {
    scope,
    k: insights.k,
    headcount: {
      total: insights.headcount.total,
      byLevel: insights.headcount.byLevel.map((entry) => ({ level: levelRef(entry.levelId), count: entry.count })),
      unplaced: insights.headcount.unplaced,
    },
    spans: {
      managers: insights.spans.managers.map((m) => ({
        manager: link(m.managerId),
        level: m.levelId !== null && levels.has(m.levelId) ? levelRef(m.levelId) : null,
        directReports: m.directReports,
      })),
      summary: insights.spans.summary ? { ...insights.spans.summary } : null,
    },
    layers: insights.layers,
    pmsPerDirector: {
      directors: insights.pmsPerDirector.directors.map((d) => ({
        director: link(d.directorId),
        level: levelRef(d.levelId),
        pmCount: d.pmCount,
      })),
      pmTotal: insights.pmsPerDirector.pmTotal,
      ratio: insights.pmsPerDirector.ratio,
    },
    bench: {
      roles: insights.bench.roles.map((role) => ({
        holder: link(role.holderId),
        level: levelRef(role.levelId),
        status: role.status,
        candidates: role.candidates,
        ready: role.ready,
        almost: role.almost,
      })),
      summary: { ...insights.bench.summary },
    },
  };
}
