import { AppError } from "../errors/app-error.ts";
import type { AdvancementPath, Framework, Guidance, Level, OrgShape } from "../framework/framework.ts";
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

export type AdvancementAdvice =
  | { status: "advised"; level: Level; profile: OrgProfile; shape: OrgShape; paths: AdvisedPath[] }
  | { status: "no-profile"; level: Level; explanation: string }
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
 * The advancement paths open to a person at Director level or above, in the organisation's shape,
 * each with its reason. Below Director it explains that the advisor starts there and points to the
 * person's next level instead.
 */
export function adviseAdvancement(
  levelId: string | null,
  framework: Framework,
  profile: OrgProfile | null,
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
  if (!profile) {
    return {
      status: "no-profile",
      level,
      explanation:
        "The paths depend on the organisation's shape, and an admin has not described it yet (stage, number of " +
        "PMs, whom product reports to, business model).",
    };
  }
  const shape = guidance.orgShapes.find((s) => s.id === profile.stage);
  if (!shape) throw new AppError("not_found", `The framework describes no organisation shape "${profile.stage}"`);
  const paths = guidance.advancementPaths.flatMap((path) => advisePath(path, profile) ?? []);
  return { status: "advised", level, profile, shape, paths };
}
