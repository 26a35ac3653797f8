import { AppError } from "../errors/app-error.ts";
import type { AdvancementPath, Framework, Guidance, Level, OrgShape, VpRoleNote } from "../framework/framework.ts";
import { reconcileProfile, vpLevel, type ChartShape, type ProfileDisagreement } from "./org-chart-shape.ts";
import type { BusinessModel, OrgProfile, ProductReportsTo } from "./org-profile.ts";

/** "limited": the path exists in this shape, but the reason explains why it is narrow. */
export type PathOutlook = "open" | "limited";
/** "here": inside the current organisation; "elsewhere": it means moving to another company. */
export type PathSetting = "here" | "elsewhere";

export interface AdvisedPath {
  id: string;
  kind: AdvancementPath["kind"];
  name: string;
  reason: string;
  outlook: PathOutlook;
  setting: PathSetting;
}

/** A step up from where the person stands: a level of the ladder, or the step beyond it. */
export interface NextStep {
  /** Null for the step beyond the ladder (a CMO or CEO candidacy). */
  level: Level | null;
  name: string;
  description: string;
}

/** A point from the framework's guidance, with the source it cites. */
export interface AdvisedNote extends VpRoleNote {
  /** "Author, title" of the cited source (the title alone when it names the author), or its id when unlisted. */
  citation: string;
}

/** What the advice says from the person's level alone, whatever the organisation's shape. */
export interface LevelAdvice {
  /** The next levels up to and including the next executive one, then beyond the ladder from an executive. */
  nextSteps: NextStep[];
  /** The framework's points about the step to VP (below VP) and about the VP role (from Director up). */
  notes: AdvisedNote[];
  /** What the org chart says; null when the caller gave no chart. */
  chart: ChartShape | null;
}

export type AdvancementAdvice =
  | ({
      status: "advised";
      level: Level;
      /** The profile the paths use: the chart's PM count and reporting line where it knows them. */
      profile: OrgProfile;
      shape: OrgShape;
      /** The Mironov paths to a VP title; empty from the VP level up, where they no longer apply. */
      paths: AdvisedPath[];
      /** Where the admin's profile and the org chart differ. */
      disagreements: ProfileDisagreement[];
    } & LevelAdvice)
  | ({ status: "no-profile"; level: Level; explanation: string } & LevelAdvice)
  | {
      status: "below-director";
      /** null while the person's title is not placed on the ladder. */
      level: Level | null;
      explanation: string;
      /** Where the advisor starts. */
      directorLevel: Level;
      /** The person's next step on the ladder; null while their title is not placed on it. */
      nextLevel: Level | null;
    };

/**
 * Where the advisor starts: the lowest level off the individual-contributor track (Director of
 * Product on the built-in ladder). Found by track, not id, so that an edited ladder still works.
 */
export function directorLevel(framework: Framework): Level {
  const level = [...framework.levels].sort((a, b) => a.rank - b.rank).find((l) => l.track !== "ic");
  if (!level) throw new AppError("not_found", "The ladder has no level above the individual-contributor track");
  return level;
}

export function requireGuidance(framework: Framework): Guidance {
  if (!framework.guidance) {
    throw new AppError("not_found", `The framework "${framework.slug}" carries no advancement guidance`);
  }
  return framework.guidance;
}

/** The functions that usually hold power, per business model (DESIGN.md §1.7). */
const POWER_FUNCTIONS: Record<BusinessModel, readonly ProductReportsTo[]> = {
  B2B: ["Engineering"],
  B2C: ["Marketing"],
};

const REPORTING_LINE: Record<ProductReportsTo, string> = {
  CEO: "the CEO",
  Engineering: "the head of Engineering",
  Marketing: "the head of Marketing",
  CPO: "a Chief Product Officer",
};

/**
 * The business model a power-role path is about, read from its id or name ("…-b2b", "(B2C)"); a
 * path that names neither applies to both. The framework model has no field for it.
 */
function businessModelOf(path: AdvancementPath): BusinessModel | null {
  const text = `${path.id} ${path.name}`;
  if (/\bb2b\b/i.test(text)) return "B2B";
  if (/\bb2c\b/i.test(text)) return "B2C";
  return null;
}

const pms = (count: number) => `${count} product manager${count === 1 ? "" : "s"}`;

/** Why moving up inside product is narrow in a medium company, in terms of its reporting line. */
function limitedUpReason(profile: OrgProfile): string {
  if (profile.productReportsTo === "CPO") {
    return (
      `Product has its own executive here, a Chief Product Officer, but with ${pms(profile.pmCount)} a VP ` +
      "layer between you and them is hard to justify. Making the CPO successful keeps you first in line if " +
      "the team grows; until then the sideways moves are usually the wider door."
    );
  }
  return (
    `Product reports to ${REPORTING_LINE[profile.productReportsTo]}, and with ${pms(profile.pmCount)} a product ` +
    "VP between you and them is rarely justified, so a step up inside product is possible but narrow. " +
    "The sideways moves are usually the wider door."
  );
}

function powerRoleReason(path: AdvancementPath, profile: OrgProfile): string {
  const isAlreadyThere = POWER_FUNCTIONS[profile.businessModel].includes(profile.productReportsTo);
  if (!isAlreadyThere) return path.reason;
  return `${path.reason} Product already reports to ${profile.productReportsTo} here, so you know its leaders.`;
}

/**
 * One framework path in one organisation: null when it is not open there. The rules, from the
 * Mironov seed (DESIGN.md §1.7) and the framework's `shapes`:
 * - a path is open, here, in the shapes it lists;
 * - "up" is also offered in a medium company, as limited: VP roles sit mostly in large product
 *   organisations, and where product reports to Engineering, Marketing or the CEO (or a CPO over a
 *   handful of PMs) a bigger title is hard to justify;
 * - the start-up trade is also offered in the other shapes, as a move elsewhere: the seed makes it
 *   while being hired, and says it pays off whether you stay or later take a VP role elsewhere, so a
 *   Director of a large or medium company gets it by joining a start-up;
 * - a power-role path applies only to the business model it names (Engineering and Sales in B2B,
 *   Marketing in B2C); the seed offers it "regardless" of shape.
 */
function advisePath(path: AdvancementPath, profile: OrgProfile): AdvisedPath | null {
  const base = { id: path.id, kind: path.kind, name: path.name };
  if (path.kind === "power-role") {
    const model = businessModelOf(path);
    if (model !== null && model !== profile.businessModel) return null;
  }
  if (path.shapes.includes(profile.stage)) {
    const reason = path.kind === "power-role" ? powerRoleReason(path, profile) : path.reason;
    return { ...base, reason, outlook: "open", setting: "here" };
  }
  if (path.kind === "up" && profile.stage === "medium") {
    return { ...base, reason: limitedUpReason(profile), outlook: "limited", setting: "here" };
  }
  if (path.kind === "startup-trade") {
    const reason = `Your company is past the start-up stage, so this means joining one. ${path.reason}`;
    return { ...base, reason, outlook: "open", setting: "elsewhere" };
  }
  return null;
}

/**
 * The steps up from a level: the next levels up to and including the next executive one (Director:
 * Senior Director, Head of Product or VP; VP: CPO), and from an executive level the step beyond the
 * ladder that the VP role leads to.
 */
export function nextStepsFrom(level: Level, framework: Framework): NextStep[] {
  const guidance = requireGuidance(framework);
  const above = [...framework.levels].sort((a, b) => a.rank - b.rank).filter((l) => l.rank > level.rank);
  const executiveAt = above.findIndex((l) => l.track === "executive");
  const ladder = executiveAt === -1 ? above : above.slice(0, executiveAt + 1);
  const steps: NextStep[] = ladder.map((l) => ({ level: l, name: l.name, description: `${l.scope} ${l.summary}` }));
  if (level.track === "executive") {
    steps.push({ level: null, name: "Beyond the ladder: a CMO or CEO candidacy", description: guidance.vpRole.beyond });
  }
  return steps;
}

function isBelowVp(level: Level, framework: Framework): boolean {
  const vp = vpLevel(framework);
  return vp !== null && level.rank < vp.rank;
}

function levelAdvice(level: Level, framework: Framework, chart: ChartShape | null): LevelAdvice {
  const citation = (sourceId: string) => {
    const source = framework.sources.find((s) => s.id === sourceId);
    if (!source) return sourceId;
    return source.title.includes(source.author) ? source.title : `${source.author}, ${source.title}`;
  };
  const notes = (requireGuidance(framework).vpRole.notes ?? [])
    .filter((note) => note.concerns === "vp-role" || isBelowVp(level, framework))
    .map((note) => ({ ...note, citation: citation(note.sourceId) }));
  return { nextSteps: nextStepsFrom(level, framework), notes, chart };
}

/**
 * Advice for a person at Director level or above: their next steps on the ladder, and, below the VP
 * level, the advancement paths to a VP title open in the organisation's shape, each with its reason.
 * The shape comes from the admin's profile (stage, business model) and, when given, the org chart,
 * whose PM count and reporting line win over the profile's; the differences are listed. Below
 * Director it explains that the advisor starts there and points to the person's next level instead.
 */
export function adviseAdvancement(
  levelId: string | null,
  framework: Framework,
  storedProfile: OrgProfile | null,
  chart: ChartShape | null = null,
): AdvancementAdvice {
  const guidance = requireGuidance(framework);
  const start = directorLevel(framework);
  const sorted = [...framework.levels].sort((a, b) => a.rank - b.rank);
  const level = sorted.find((l) => l.id === levelId);
  if (!level || level.rank < start.rank) {
    const nextLevel = level ? (sorted[sorted.indexOf(level) + 1] ?? null) : null;
    const where = level
      ? `Your level, ${level.name}, is below that; your next step on the ladder is ${nextLevel?.name ?? start.name}, and readiness shows what stands between you and it.`
      : "Your title is not placed on the ladder yet, so the advisor cannot tell your level.";
    return {
      status: "below-director",
      level: level ?? null,
      explanation: `The advancement advisor is for ${start.name} and above. ${where}`,
      directorLevel: start,
      nextLevel,
    };
  }
  const fromLevel = levelAdvice(level, framework, chart);
  if (!storedProfile) {
    return {
      status: "no-profile",
      level,
      explanation:
        "The paths to a VP title depend on the organisation's stage and business model, which the org chart " +
        "cannot show, and an admin has not described them yet.",
      ...fromLevel,
    };
  }
  const { profile, disagreements } = chart
    ? reconcileProfile(storedProfile, chart)
    : { profile: storedProfile, disagreements: [] };
  const shape = guidance.orgShapes.find((s) => s.id === profile.stage);
  if (!shape) throw new AppError("not_found", `The framework describes no organisation shape "${profile.stage}"`);
  const paths = isBelowVp(level, framework)
    ? guidance.advancementPaths.flatMap((path) => advisePath(path, profile) ?? [])
    : [];
  return { status: "advised", level, profile, shape, paths, disagreements, ...fromLevel };
}
