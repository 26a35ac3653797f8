import { BUILTIN_FRAMEWORK, useFrameworkVersion } from "./queries.ts";

/** The built-in ladder every growth page reads: levels in rank order, competencies, the scale. */
export function useLadder() {
  const version = useFrameworkVersion(BUILTIN_FRAMEWORK, "latest");
  const document = version.data?.document;
  const ladder = document
    ? {
        levels: [...document.levels].sort((a, b) => a.rank - b.rank),
        competencies: document.competencies,
        scale: document.scale,
        expectations: document.expectations,
      }
    : undefined;
  return { ...version, ladder };
}

export type Ladder = NonNullable<ReturnType<typeof useLadder>["ladder"]>;
