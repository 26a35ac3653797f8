/** The seven-level product ladder of DESIGN.md §1, which title words are read against. */

export type StandardLevelId = "pm" | "senior-pm" | "director" | "senior-director" | "head" | "vp" | "cpo";

export interface StandardLevel {
  id: StandardLevelId;
  rank: number;
  name: string;
}

export const STANDARD_LEVELS: readonly StandardLevel[] = [
  { id: "pm", rank: 1, name: "Product Manager" },
  { id: "senior-pm", rank: 2, name: "Senior Product Manager" },
  { id: "director", rank: 3, name: "Director of Product" },
  { id: "senior-director", rank: 4, name: "Senior Director of Product" },
  { id: "head", rank: 5, name: "Head of Product" },
  { id: "vp", rank: 6, name: "VP of Product" },
  { id: "cpo", rank: 7, name: "Chief Product Officer" },
];

export function findStandardLevel(id: StandardLevelId): StandardLevel {
  const level = STANDARD_LEVELS.find((candidate) => candidate.id === id);
  if (!level) throw new Error(`unknown standard level "${id}"`);
  return level;
}
