/**
 * Rater effects (leniency and severity): the model of DESIGN §3 and docs/decisions/0006.
 *
 *   score(rater j, subject s, competency c) = μ(s, c) + b(j) + noise
 *
 * μ is one unpenalised effect per subject × competency cell; b is the rater's additive offset, with a
 * ridge penalty λ·Σ b² that shrinks the offset of a rater with few ratings toward 0. The fit minimises
 * Σ (score − μ − b)² + λ Σ b². Alternating least squares (cells given offsets, offsets
 * = Σ residuals / (n + λ) given cells) reaches the same minimum, but slowly where raters overlap little;
 * here the cells are eliminated exactly and the offsets solved by preconditioned conjugate gradients
 * over the reduced normal equations, each step two passes over typed arrays.
 */

/** One attributed rating: who gave it, about whom, on which competency, and the score. */
export interface RaterRating {
  raterId: string;
  subjectId: string;
  competencyId: string;
  score: number;
}

export interface RaterEffect {
  raterId: string;
  /** Estimated leniency (> 0) or severity (< 0), in scale points, relative to the average rating. */
  offset: number;
  /** The offset's standard error in scale points (see `standardError` on IndexedRaterFit). */
  standardError: number;
  /** How many ratings the rater gave. */
  ratings: number;
  /** Whether the rater shares a subject × competency with another rater, directly or through others. */
  identifiable: boolean;
}

export interface RaterEffectsOptions {
  /** The ridge penalty λ: a rater's offset is shrunk as if λ more ratings with offset 0 were added. */
  lambda?: number;
  /** Stop when the normal equations' residual is this small relative to where it started. */
  tolerance?: number;
  maxIterations?: number;
}

export const DEFAULT_RATER_EFFECTS_LAMBDA = 5;
const DEFAULT_TOLERANCE = 1e-10;
const DEFAULT_MAX_ITERATIONS = 1000;

/** Ratings as integer indices: rating i was given by rater `raterOf[i]` in cell `cellOf[i]`. */
export interface IndexedRatings {
  raterOf: Int32Array;
  cellOf: Int32Array;
  score: Float64Array;
  raterCount: number;
  cellCount: number;
}

export interface IndexedRaterFit {
  offset: Float64Array;
  /**
   * √(σ² / (n_eff + λ)), where σ² is the residual variance and n_eff = Σ over the rater's ratings of
   * (1 − 1 / raters in that cell): a rating alone in its cell says nothing about the rater. It is the
   * posterior standard deviation of the offset given the other raters' offsets (the ridge read as a
   * normal prior), so it is somewhat too small where the other raters are themselves uncertain. For a
   * rater who cannot be identified it is σ / √λ, the width of the prior.
   */
  standardError: Float64Array;
  ratings: Int32Array;
  identifiable: Uint8Array;
  residualVariance: number;
  iterations: number;
}

function checkedOptions(options: RaterEffectsOptions) {
  const lambda = options.lambda ?? DEFAULT_RATER_EFFECTS_LAMBDA;
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const maxIterations = options.maxIterations ?? DEFAULT_MAX_ITERATIONS;
  // λ = 0 leaves the offsets of a component free up to a common shift: the system has no unique solution.
  if (!(lambda > 0) || !Number.isFinite(lambda))
    throw new RangeError(`lambda must be a positive number, not ${lambda}`);
  if (!(tolerance > 0)) throw new RangeError(`tolerance must be positive, not ${tolerance}`);
  if (!(maxIterations >= 1)) throw new RangeError(`maxIterations must be at least 1, not ${maxIterations}`);
  return { lambda, tolerance, maxIterations };
}

function rootOf(parent: Int32Array, start: number): number {
  let root = start;
  while (parent[root] !== root) root = parent[root] as number;
  for (let node = start; parent[node] !== root;) {
    const next = parent[node] as number;
    parent[node] = root;
    node = next;
  }
  return root;
}

/** The fit over integer-indexed ratings; every array is indexed by rater. */
export function fitIndexedRaterEffects(input: IndexedRatings, options: RaterEffectsOptions = {}): IndexedRaterFit {
  const { lambda, tolerance, maxIterations } = checkedOptions(options);
  const { raterOf, cellOf, score, raterCount: R, cellCount: C } = input;
  const N = score.length;

  const raterRatings = new Int32Array(R);
  const cellRatings = new Int32Array(C);
  const cellSum = new Float64Array(C);
  // Raters are connected when they rate a common cell: union each rater with the cell's first rater.
  const parent = new Int32Array(R);
  for (let j = 0; j < R; j++) parent[j] = j;
  const cellFirstRater = new Int32Array(C).fill(-1);
  for (let i = 0; i < N; i++) {
    const j = raterOf[i] as number;
    const c = cellOf[i] as number;
    raterRatings[j] = (raterRatings[j] as number) + 1;
    cellRatings[c] = (cellRatings[c] as number) + 1;
    cellSum[c] = (cellSum[c] as number) + (score[i] as number);
    const first = cellFirstRater[c] as number;
    if (first < 0) cellFirstRater[c] = j;
    else {
      const a = rootOf(parent, j);
      const b = rootOf(parent, first);
      if (a !== b) parent[a] = b;
    }
  }
  const root = new Int32Array(R);
  const componentRaters = new Int32Array(R);
  for (let j = 0; j < R; j++) {
    const r = rootOf(parent, j);
    root[j] = r;
    componentRaters[r] = (componentRaters[r] as number) + 1;
  }
  const identifiable = new Uint8Array(R);
  let identifiableRaters = 0;
  let sharedComponents = 0;
  for (let j = 0; j < R; j++) {
    if (raterRatings[j] === 0) continue;
    if ((componentRaters[root[j] as number] as number) >= 2) {
      identifiable[j] = 1;
      identifiableRaters += 1;
      if (root[j] === j) sharedComponents += 1;
    }
  }

  // Eliminating μ: with the cell means ȳ_c, the offsets solve (D + λI − A) b = Σ_{i∈j} (y_i − ȳ_c(i)),
  // where D = ratings per rater and (A b)_j = Σ_{i∈j} (mean of b over cell c(i)).
  const cellMean = new Float64Array(C);
  for (let c = 0; c < C; c++)
    if ((cellRatings[c] as number) > 0) cellMean[c] = (cellSum[c] as number) / (cellRatings[c] as number);
  const rhs = new Float64Array(R);
  const diagonal = new Float64Array(R);
  for (let i = 0; i < N; i++) {
    const j = raterOf[i] as number;
    const c = cellOf[i] as number;
    rhs[j] = (rhs[j] as number) + (score[i] as number) - (cellMean[c] as number);
    diagonal[j] = (diagonal[j] as number) - 1 / (cellRatings[c] as number);
  }
  for (let j = 0; j < R; j++) diagonal[j] = (diagonal[j] as number) + (raterRatings[j] as number) + lambda;

  const cellScratch = new Float64Array(C);
  const multiply = (vector: Float64Array, into: Float64Array) => {
    cellScratch.fill(0);
    for (let i = 0; i < N; i++) {
      const c = cellOf[i] as number;
      cellScratch[c] = (cellScratch[c] as number) + (vector[raterOf[i] as number] as number);
    }
    for (let c = 0; c < C; c++)
      if ((cellRatings[c] as number) > 0) cellScratch[c] = (cellScratch[c] as number) / (cellRatings[c] as number);
    for (let j = 0; j < R; j++) into[j] = ((raterRatings[j] as number) + lambda) * (vector[j] as number);
    for (let i = 0; i < N; i++) {
      const j = raterOf[i] as number;
      into[j] = (into[j] as number) - (cellScratch[cellOf[i] as number] as number);
    }
  };
  const dot = (a: Float64Array, b: Float64Array) => {
    let sum = 0;
    for (let j = 0; j < R; j++) sum += (a[j] as number) * (b[j] as number);
    return sum;
  };

  const offset = new Float64Array(R);
  const residual = Float64Array.from(rhs);
  const preconditioned = new Float64Array(R);
  for (let j = 0; j < R; j++) preconditioned[j] = (residual[j] as number) / (diagonal[j] as number);
  const direction = Float64Array.from(preconditioned);
  const product = new Float64Array(R);
  let rz = dot(residual, preconditioned);
  const stopAt = tolerance * Math.sqrt(dot(rhs, rhs));
  let iterations = 0;
  while (iterations < maxIterations && Math.sqrt(dot(residual, residual)) > stopAt) {
    iterations += 1;
    multiply(direction, product);
    const alpha = rz / dot(direction, product);
    for (let j = 0; j < R; j++) {
      offset[j] = (offset[j] as number) + alpha * (direction[j] as number);
      residual[j] = (residual[j] as number) - alpha * (product[j] as number);
      preconditioned[j] = (residual[j] as number) / (diagonal[j] as number);
    }
    const next = dot(residual, preconditioned);
    const beta = next / rz;
    rz = next;
    for (let j = 0; j < R; j++) direction[j] = (preconditioned[j] as number) + beta * (direction[j] as number);
  }

  // Residual variance, with μ(c) = mean over the cell of (y − b): the degrees of freedom are the
  // ratings less one per cell and one per identifiable rater, plus one per shared component (the
  // common shift between its cells and its raters is not a free parameter).
  cellScratch.fill(0);
  for (let i = 0; i < N; i++) {
    const c = cellOf[i] as number;
    cellScratch[c] = (cellScratch[c] as number) + (score[i] as number) - (offset[raterOf[i] as number] as number);
  }
  let squares = 0;
  for (let i = 0; i < N; i++) {
    const c = cellOf[i] as number;
    const e =
      (score[i] as number) -
      (offset[raterOf[i] as number] as number) -
      (cellScratch[c] as number) / (cellRatings[c] as number);
    squares += e * e;
  }
  const freedom = N - C - identifiableRaters + sharedComponents;
  const residualVariance = freedom >= 1 ? squares / freedom : fallbackVariance(score);

  // The penalty centres each component's offsets on their plain mean; report them against the
  // average rating instead (weighted by ratings), which leaves every fitted value as it is.
  const shiftSum = new Float64Array(R);
  const shiftWeight = new Float64Array(R);
  for (let j = 0; j < R; j++) {
    if (!identifiable[j]) continue;
    const r = root[j] as number;
    shiftSum[r] = (shiftSum[r] as number) + (raterRatings[j] as number) * (offset[j] as number);
    shiftWeight[r] = (shiftWeight[r] as number) + (raterRatings[j] as number);
  }
  const standardError = new Float64Array(R);
  for (let j = 0; j < R; j++) {
    const r = root[j] as number;
    if (identifiable[j]) offset[j] = (offset[j] as number) - (shiftSum[r] as number) / (shiftWeight[r] as number);
    else offset[j] = 0;
    standardError[j] = Math.sqrt(residualVariance / (diagonal[j] as number));
  }
  return { offset, standardError, ratings: raterRatings, identifiable, residualVariance, iterations };
}

/**
 * With no residual degrees of freedom the noise cannot be estimated: take the spread of all scores
 * (an upper bound), or one scale point when there is no spread to take.
 */
function fallbackVariance(score: Float64Array): number {
  if (score.length < 2) return 1;
  let mean = 0;
  for (const s of score) mean += s;
  mean /= score.length;
  let squares = 0;
  for (const s of score) squares += (s - mean) * (s - mean);
  const variance = squares / (score.length - 1);
  return variance > 0 ? variance : 1;
}

/** Interns ids to integer indices, in the order they first appear. */
class Interner {
  readonly ids: string[] = [];
  private readonly index = new Map<string, number>();
  of(id: string): number {
    let at = this.index.get(id);
    if (at === undefined) {
      at = this.ids.length;
      this.index.set(id, at);
      this.ids.push(id);
    }
    return at;
  }
}

/** Turns ratings into integer indices: one per rater, one per subject × competency cell. */
export function indexRatings(ratings: readonly RaterRating[]): { indexed: IndexedRatings; raterIds: string[] } {
  const N = ratings.length;
  const raters = new Interner();
  const subjects = new Interner();
  const competencies = new Interner();
  const raterOf = new Int32Array(N);
  const subjectOf = new Int32Array(N);
  const competencyOf = new Int32Array(N);
  const score = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    const rating = ratings[i] as RaterRating;
    if (!Number.isFinite(rating.score)) {
      throw new RangeError(`Rating ${i} (rater ${rating.raterId}) has no finite score: ${rating.score}`);
    }
    raterOf[i] = raters.of(rating.raterId);
    subjectOf[i] = subjects.of(rating.subjectId);
    competencyOf[i] = competencies.of(rating.competencyId);
    score[i] = rating.score;
  }
  const width = competencies.ids.length;
  const cellAt = new Int32Array(subjects.ids.length * width).fill(-1);
  const cellOf = new Int32Array(N);
  let cellCount = 0;
  for (let i = 0; i < N; i++) {
    const key = (subjectOf[i] as number) * width + (competencyOf[i] as number);
    let cell = cellAt[key] as number;
    if (cell < 0) {
      cell = cellCount++;
      cellAt[key] = cell;
    }
    cellOf[i] = cell;
  }
  return { indexed: { raterOf, cellOf, score, raterCount: raters.ids.length, cellCount }, raterIds: raters.ids };
}

/** Each rater's offset, standard error, count and identifiability, in the order raters first appear. */
export function fitRaterEffects(ratings: readonly RaterRating[], options: RaterEffectsOptions = {}): RaterEffect[] {
  if (ratings.length === 0) {
    checkedOptions(options);
    return [];
  }
  const { indexed, raterIds } = indexRatings(ratings);
  const fit = fitIndexedRaterEffects(indexed, options);
  return raterIds.map((raterId, j) => ({
    raterId,
    offset: fit.offset[j] as number,
    standardError: fit.standardError[j] as number,
    ratings: fit.ratings[j] as number,
    identifiable: fit.identifiable[j] === 1,
  }));
}
