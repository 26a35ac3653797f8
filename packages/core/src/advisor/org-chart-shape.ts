import type { Framework, Level } from "../framework/framework.ts";
import type { OrgProfile, ProductReportsTo } from "./org-profile.ts";

/** What the org chart itself says about the organisation's shape. */
export interface ChartShape {
  /** Active people at individual-contributor levels of the ladder. */
  pmCount: number;
  /** Someone active holds the VP level (the lowest executive one). */
  hasProductVp: boolean;
  /** Someone active holds the CPO level (the top one, when it is an executive level above the VP's). */
  hasCpo: boolean;
  /** Null when the chart cannot tell: the top product leader has no manager in it, or an unrecognised one. */
  productReportsTo: ProductReportsTo | null;
}

export interface ChartPerson {
  id: string;
  title: string;
  levelId: string | null;
  managerId: string | null;
  status: string;
}

/** Where the chart and the admin's profile differ; the chart's value is the one the advice uses. */
export interface ProfileDisagreement {
  field: "pmCount" | "productReportsTo";
  profile: string | number;
  chart: string | number;
}

// Titles outside the ladder that say which function product reports to.
const REPORTING_TITLES: readonly [RegExp, ProductReportsTo][] = [
  [/\b(cto|engineering|technology)\b/i, "Engineering"],
  [/\b(cmo|marketing)\b/i, "Marketing"],
  [/\b(ceo|chief executive|founder|general manager|managing director|business unit)\b/i, "CEO"],
];

/** Where a product VP sits: the lowest executive-track level. Found by track and rank, not id. */
export function vpLevel(framework: Framework): Level | null {
  return [...framework.levels].sort((a, b) => a.rank - b.rank).find((level) => level.track === "executive") ?? null;
}

/** Where a Chief Product Officer sits: the top level, when it is an executive one above the VP's. */
export function cpoLevel(framework: Framework): Level | null {
  const top = [...framework.levels].sort((a, b) => a.rank - b.rank).at(-1);
  const vp = vpLevel(framework);
  return top && vp && top.rank > vp.rank && top.track === "executive" ? top : null;
}

/** The organisation's shape as far as the org chart shows it (DESIGN.md §1.7). */
export function deriveChartShape(framework: Framework, people: readonly ChartPerson[]): ChartShape {
  const active = people.filter((person) => person.status === "active");
  const levelById = new Map(framework.levels.map((level) => [level.id, level]));
  const top = cpoLevel(framework);
  const vp = vpLevel(framework);
  const levelOf = (person: ChartPerson) => (person.levelId ? levelById.get(person.levelId) : undefined);
  const hasCpo = top !== null && active.some((person) => person.levelId === top.id);
  const byId = new Map(active.map((person) => [person.id, person]));
  // The top of product: placed people whose manager is not on the ladder, highest level first.
  const managerOf = (person: ChartPerson) => (person.managerId ? byId.get(person.managerId) : undefined);
  const leaders = active
    .filter((person) => {
      const manager = managerOf(person);
      return levelOf(person) !== undefined && (manager === undefined || levelOf(manager) === undefined);
    })
    .sort((a, b) => (levelOf(b)?.rank ?? 0) - (levelOf(a)?.rank ?? 0));
  let productReportsTo: ProductReportsTo | null = hasCpo ? "CPO" : null;
  const manager = leaders[0] ? managerOf(leaders[0]) : undefined;
  if (!hasCpo && manager) {
    productReportsTo = REPORTING_TITLES.find(([pattern]) => pattern.test(manager.title))?.[1] ?? null;
  }
  return {
    pmCount: active.filter((person) => levelOf(person)?.track === "ic").length,
    hasProductVp: vp !== null && active.some((person) => person.levelId === vp.id),
    hasCpo,
    productReportsTo,
  };
}

/** The profile the advice uses: the chart's figures where it has them, the admin's stage and business model. */
export function reconcileProfile(
  profile: OrgProfile,
  chart: ChartShape,
): { profile: OrgProfile; disagreements: ProfileDisagreement[] } {
  const disagreements: ProfileDisagreement[] = [];
  if (profile.pmCount !== chart.pmCount) {
    disagreements.push({ field: "pmCount", profile: profile.pmCount, chart: chart.pmCount });
  }
  if (chart.productReportsTo !== null && profile.productReportsTo !== chart.productReportsTo) {
    disagreements.push({ field: "productReportsTo", profile: profile.productReportsTo, chart: chart.productReportsTo });
  }
  return {
    profile: {
      ...profile,
      pmCount: chart.pmCount,
      productReportsTo: chart.productReportsTo ?? profile.productReportsTo,
    },
    disagreements,
  };
}
