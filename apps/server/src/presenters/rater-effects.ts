import type { CycleRaterEffects } from "@ascent/core";
import type { TCycleRaterEffects } from "@ascent/contract";

/** Managers' offsets, field by field: nothing else of the fit (no peer or upward rater) goes out. */
export function presentCycleRaterEffects(view: CycleRaterEffects): TCycleRaterEffects {
  return {
    raters: view.raters.map((rater) => ({
      raterId: rater.raterId,
      offset: rater.offset,
      standardError: rater.standardError,
      ratings: rater.ratings,
      identifiable: rater.identifiable,
    })),
  };
}
