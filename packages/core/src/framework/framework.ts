/** The career-framework model (DESIGN.md §3). Plain data; no I/O. */

export type Track = "ic" | "manager" | "executive";
export const TRACKS: readonly Track[] = ["ic", "manager", "executive"];

export interface Source {
  id: string;
  title: string;
  author: string;
  /** Where the source was published, e.g. a blog or book name. */
  publisher?: string;
  year?: number;
  /** What the framework takes from this source, in the project's words. */
  usedFor: string;
}

export interface ScalePoint {
  value: number;
  label: string;
  description: string;
}

export interface Scale {
  min: number;
  max: number;
  points: ScalePoint[];
}

export interface Level {
  id: string;
  rank: number;
  name: string;
  track: Track;
  aliases: string[];
  scope: string;
  summary: string;
  /**
   * Levels on another track one may move to from here (Senior PM → Director), besides the next rank on
   * this level's own track. Where the own track ends, the first move is the next level up.
   */
  moves?: string[];
}

export interface Competency {
  id: string;
  name: string;
  area: string;
  description: string;
}

export interface Expectation {
  expected: number;
  /** 0 means the competency does not apply at this level. */
  weight: number;
  descriptor: string;
  /** True where the project wrote the descriptor between two seeded levels. */
  interpolated: boolean;
}

/** levelId → competencyId → expectation */
export type ExpectationMatrix = Record<string, Record<string, Expectation>>;

export interface PlaybookAspect {
  id: string;
  name: string;
  /** What the more junior side of the pair brings. */
  lowerBrings: string;
  /** What the more senior side of the pair brings. */
  upperBrings: string;
  prompts: string[];
}

export interface Playbook {
  id: string;
  name: string;
  lowerLevelId: string;
  upperLevelId: string;
  aspects: PlaybookAspect[];
}

export interface CareerPlanningStep {
  id: "envision" | "self-awareness" | "continual-learning" | "proactive-steps";
  name: string;
  summary: string;
  themes: string[];
}

export interface OrgShape {
  id: "large" | "medium" | "startup";
  name: string;
  description: string;
  advice: string;
}

export interface AdvancementPath {
  id: string;
  kind: "up" | "lateral" | "startup-trade" | "power-role";
  name: string;
  /** Org shapes where this path is open. */
  shapes: OrgShape["id"][];
  reason: string;
}

export interface VpRoleProfile {
  summary: string;
  traits: { id: string; name: string; description: string }[];
  /** Statements for the VP-fit self-check, rated 1–5. */
  reflections: { id: string; statement: string; traitId: string }[];
  beyond: string;
  /**
   * Points from the sources about the step to VP ("step-to-vp") and about holding the role
   * ("vp-role"); the advisor shows each to the people it concerns.
   */
  notes?: VpRoleNote[];
}

export interface VpRoleNote {
  id: string;
  name: string;
  text: string;
  concerns: "step-to-vp" | "vp-role";
  /** The id of the framework source the point comes from. */
  sourceId: string;
}

export interface Guidance {
  careerPlanning: CareerPlanningStep[];
  vpRole: VpRoleProfile;
  orgShapes: OrgShape[];
  advancementPaths: AdvancementPath[];
}

export interface Framework {
  slug: string;
  name: string;
  description: string;
  sources: Source[];
  scale: Scale;
  levels: Level[];
  competencies: Competency[];
  expectations: ExpectationMatrix;
  playbooks: Playbook[];
  guidance?: Guidance;
}
