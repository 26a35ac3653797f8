import type { StandardLevelId } from "./standard-levels.ts";

/** Where a title's seniority and role words place it on the standard ladder. */
export interface LevelInference {
  levelId: StandardLevelId;
  confidence: number;
  /** A sentence saying why, given the name of the level it resolved to. */
  explain: (levelName: string) => string;
}

/** Returns the first of the candidates that the title contains. */
type WordFinder = (...candidates: string[]) => string | undefined;

const BELOW_WORDS = ["associate", "assistant", "deputy"];

export function inferStandardLevel(words: readonly string[]): LevelInference | null {
  const find: WordFinder = (...candidates) => candidates.find((candidate) => words.includes(candidate));

  if (find("chief")) return infer("cpo", 0.9, (name) => `"chief" names the C-level role, ${name}`);

  const vpGrade = find("svp", "evp");
  if (vpGrade) {
    const grade = vpGrade.toUpperCase();
    return infer("vp", 0.8, (name) => `"${grade}" is a grade of VP; ${name} is the ladder's only VP level`);
  }
  if (find("avp") || (find("vp") && find(...BELOW_WORDS))) {
    return infer("vp", 0.6, (name) => `an associate VP sits just below VP; the nearest level is ${name}`);
  }
  if (find("vp")) return infer("vp", 0.9, (name) => `"VP" reads as ${name}`);

  if (find("head")) return infer("head", 0.9, (name) => `"head of" reads as ${name}`);

  if (find("director")) {
    if (find("senior")) {
      return infer("senior-director", 0.9, (name) => `"senior director" reads as ${name}`);
    }
    const below = find(...BELOW_WORDS);
    if (below) {
      return infer("director", 0.6, (name) => {
        return `"${below} director" usually sits just below director; the nearest level is ${name}`;
      });
    }
    return infer("director", 0.9, (name) => `"director" reads as ${name}`);
  }

  return inferIndividualLevel(find);
}

function inferIndividualLevel(find: WordFinder): LevelInference | null {
  const role = find("manager", "lead", "leader", "owner");
  if (!role) return null;
  const inference = inferIndividualSeniority(find, role);
  return role === "owner" ? asProductOwner(inference) : inference;
}

function inferIndividualSeniority(find: WordFinder, role: string): LevelInference {
  const icGrade = find("principal", "staff");
  if (icGrade) {
    return infer("senior-pm", 0.7, (name) => {
      return `"${icGrade}" is an IC grade above senior; the ladder's nearest level is ${name}`;
    });
  }
  const senior = find("senior", "lead", "leader", "group");
  if (senior) return infer("senior-pm", 0.9, (name) => `"${senior}" reads as ${name}`);
  const junior = find("associate", "junior", "graduate", "entry");
  if (junior) return infer("pm", 0.9, (name) => `"${junior}" reads as ${name}`);
  return infer("pm", 0.85, (name) => `"${role}" with no seniority word reads as ${name}`);
}

// A Product Owner runs the backlog in Scrum; the role overlaps product management but
// often lacks its discovery and strategy scope, hence the lower confidence.
function asProductOwner(inference: LevelInference): LevelInference {
  return {
    levelId: inference.levelId,
    confidence: inference.confidence - 0.2,
    explain: (name) =>
      `"product owner" is a Scrum role that covers part of product management; read as ${name} with lower confidence`,
  };
}

function infer(levelId: StandardLevelId, confidence: number, explain: (levelName: string) => string): LevelInference {
  return { levelId, confidence, explain };
}
