import type { RaterRating } from "./fit-rater-effects.ts";

/** A fixed-seed generator (a 32-bit mulberry): the same seed always gives the same cycle. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Standard normal draws (Box–Muller) from a uniform generator. */
export function normalFrom(random: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

export interface SimulatedCycleSpec {
  managers: number;
  reportsPerManager: number;
  competencies: number;
  /** How many other managers also rate each report: a whole number drawn evenly from [min, max]. */
  crossRaters: { min: number; max: number };
  offsetSd: number;
  noiseSd: number;
  /** Peers who also rate each report: `perSubject` of them, drawn from a pool of `pool` colleagues. */
  peers?: { pool: number; perSubject: number };
  /** Rounds every score to a whole point on 1–5, as the form records them. */
  isRounded?: boolean;
  seed: number;
}

export interface SimulatedCycle {
  ratings: RaterRating[];
  /** Each rater's true offset. */
  trueOffsets: Map<string, number>;
}

/**
 * A review round in which each manager rates their own reports and each report is also rated by a few
 * other managers: score = the person's level on the competency + the rater's offset + noise.
 */
export function simulateManagerCycle(spec: SimulatedCycleSpec): SimulatedCycle {
  const random = seededRandom(spec.seed);
  const normal = normalFrom(random);
  const managerIds = Array.from({ length: spec.managers }, (_, m) => `manager-${m}`);
  const trueOffsets = new Map(managerIds.map((id) => [id, spec.offsetSd * normal()]));
  const peerIds = Array.from({ length: spec.peers?.pool ?? 0 }, (_, p) => `peer-${p}`);
  for (const id of peerIds) trueOffsets.set(id, spec.offsetSd * normal());
  const competencyIds = Array.from({ length: spec.competencies }, (_, c) => `competency-${c}`);
  const ratings: RaterRating[] = [];
  for (let m = 0; m < spec.managers; m++) {
    for (let r = 0; r < spec.reportsPerManager; r++) {
      const subjectId = `person-${m}-${r}`;
      const ability = 3 + 0.6 * normal();
      const levels = competencyIds.map(() => ability + 0.4 * normal());
      const raters = [managerIds[m] as string];
      const extra = spec.crossRaters.min + Math.floor(random() * (spec.crossRaters.max - spec.crossRaters.min + 1));
      while (raters.length < 1 + Math.min(extra, spec.managers - 1)) {
        const other = managerIds[Math.floor(random() * spec.managers)] as string;
        if (!raters.includes(other)) raters.push(other);
      }
      const managerCount = raters.length;
      while (raters.length < managerCount + Math.min(spec.peers?.perSubject ?? 0, peerIds.length)) {
        const peer = peerIds[Math.floor(random() * peerIds.length)] as string;
        if (!raters.includes(peer)) raters.push(peer);
      }
      for (const raterId of raters) {
        const offset = trueOffsets.get(raterId) as number;
        competencyIds.forEach((competencyId, c) => {
          const raw = (levels[c] as number) + offset + spec.noiseSd * normal();
          const score = spec.isRounded ? Math.min(5, Math.max(1, Math.round(raw))) : raw;
          ratings.push({ raterId, subjectId, competencyId, score });
        });
      }
    }
  }
  return { ratings, trueOffsets };
}
