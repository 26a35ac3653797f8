import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import {
  ACTIVE_FRAMEWORK_SLUG,
  AppError,
  nextLevel,
  type Framework,
  type FrameworkCatalog,
  type Level,
  type ReadinessService,
  type Relation,
} from "@ascent/core";
import type { DatabaseHandle } from "@ascent/db";

/**
 * A synthetic organisation for benchmarks and load tests: N invented people in a reporting tree
 * (CPO → VPs → Heads → Senior Directors → Directors → PMs, 5 to 8 reports per manager), each rated on
 * every competency by 5 raters: themself, their manager and 3 peers answering one closed feedback
 * request (the CPO, who has no manager, gets 4 upward raters instead). It is written with a few
 * large statements rather than through the services, so that 10,000 people and 750,000 ratings
 * load in seconds; readiness snapshots are then computed the way submissions keep them.
 */

export const SYNTHETIC_EMAIL_DOMAIN = "synthetic.ascent.example";
export const DEFAULT_SYNTHETIC_PEOPLE = 10_000;
export const MIN_SYNTHETIC_PEOPLE = 10;
export const MAX_SYNTHETIC_PEOPLE = 1_000_000;
export const MIN_SPAN = 5;
export const MAX_SPAN = 8;
export const PEERS_PER_PERSON = 3;
/** Self, manager and three peers: every person is rated by this many people. */
export const RATERS_PER_PERSON = 5;
const DAY = 86_400_000;
/** People per readiness batch: one ratings query and one snapshot write each. */
const SNAPSHOT_BATCH = 500;
/** Assessments per INSERT of ratings (× competencies rows). */
const RATINGS_BATCH = 4_000;
/** Rows per INSERT for the smaller tables. */
const ROWS_BATCH = 10_000;

const FIRST = ["Ada", "Ben", "Chloé", "Dev", "Ebo", "Fatima", "Gus", "Hana", "Ivo", "Jun", "Kai", "Lena", "Mo", "Nia"];
const LAST = ["Okafor", "Park", "Quinn", "Rossi", "Sato", "Tanaka", "Ueda", "Varga", "Wong", "Xu", "Young", "Zeller"];
const AREAS = ["Consumer", "Platform", "Payments", "Growth", "Enterprise", "Marketplace", "Data", "Mobile"];
const TITLES: Record<string, string> = {
  cpo: "Chief Product Officer",
  vp: "VP of Product",
  head: "Head of Product",
  "senior-director": "Senior Director of Product",
  director: "Director of Product",
  "senior-pm": "Senior Product Manager",
  pm: "Product Manager",
};

export interface SyntheticPerson {
  id: string;
  name: string;
  email: string;
  title: string;
  levelId: string;
  managerId: string | null;
  team: string;
  /** 0 for the CPO, 1 for the VPs, and so on. */
  depth: number;
}

export interface SyntheticFeedbackRequest {
  id: string;
  subjectId: string;
  requestedBy: string;
  relation: "peer" | "upward";
  raterIds: string[];
  createdAt: Date;
  dueAt: Date;
  closedAt: Date;
}

export interface SyntheticAssessment {
  id: string;
  subjectId: string;
  raterId: string;
  relation: Relation;
  /** The subject's level when rated. */
  levelId: string;
  feedbackRequestId: string | null;
  submittedAt: Date;
  /** One score per competency, in the order of SyntheticOrganisation.competencyIds. */
  scores: number[];
}

export interface SyntheticOrganisation {
  people: SyntheticPerson[];
  feedbackRequests: SyntheticFeedbackRequest[];
  assessments: SyntheticAssessment[];
  competencyIds: string[];
}

export interface PlanSyntheticOptions {
  people?: number;
  /** Same seed, same tree, names and scores (ids are fresh uuids each time). */
  seed?: number;
  now?: Date;
}

/** A fixed-seed generator (a 32-bit mulberry), so that a seed always gives the same organisation. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function assertPeopleCount(count: number): void {
  if (!Number.isInteger(count) || count < MIN_SYNTHETIC_PEOPLE || count > MAX_SYNTHETIC_PEOPLE) {
    throw new AppError(
      "validation_failed",
      `The number of people must be a whole number from ${MIN_SYNTHETIC_PEOPLE} to ${MAX_SYNTHETIC_PEOPLE.toLocaleString("en-US")}`,
      [{ path: "people", message: `got ${count}` }],
    );
  }
}

/** Splits `total` reports over `managers` as evenly as possible. */
function evenSpans(total: number, managers: number): number[] {
  return Array.from({ length: managers }, (_, i) => Math.floor(total / managers) + (i < total % managers ? 1 : 0));
}

/** 1 + span + span² + … + span^depth: everyone in a full tree of that span and depth. */
function treeSize(span: number, depth: number): number {
  let total = 1;
  for (let d = 1; d <= depth; d++) total += span ** d;
  return total;
}

/**
 * How many people each layer of the tree holds, CPO first: the fewest layers that fit `count` people
 * with at most 8 reports per manager, each layer about `span` times the one above it.
 */
function layerSizes(count: number): number[] {
  let depth = 1;
  while (treeSize(MAX_SPAN, depth) < count) depth += 1;
  let low = 1;
  let high = MAX_SPAN;
  for (let i = 0; i < 50; i++) {
    const middle = (low + high) / 2;
    if (treeSize(middle, depth) < count) low = middle;
    else high = middle;
  }
  const sizes = [1];
  for (let d = 1; d < depth; d++) sizes.push(Math.max(1, Math.round((sizes[d - 1] as number) * high)));
  sizes.push(count - sizes.reduce((sum, n) => sum + n, 0));
  return sizes;
}

/**
 * Splits `total` reports over `managers`: random spans within one of the average, kept from 5 to 8
 * when the average allows it, adjusted one report at a time until they add up.
 */
function randomSpans(total: number, managers: number, next: () => number): number[] {
  const average = total / managers;
  if (average < MIN_SPAN || average > MAX_SPAN) return evenSpans(total, managers);
  const low = Math.max(MIN_SPAN, Math.round(average) - 1);
  const high = Math.min(MAX_SPAN, Math.round(average) + 1);
  const spans = Array.from({ length: managers }, () => low + Math.floor(next() * (high - low + 1)));
  let missing = total - spans.reduce((sum, n) => sum + n, 0);
  while (missing !== 0) {
    const i = Math.floor(next() * managers);
    const span = spans[i] as number;
    if (missing > 0 && span < MAX_SPAN) {
      spans[i] = span + 1;
      missing -= 1;
    } else if (missing < 0 && span > MIN_SPAN) {
      spans[i] = span - 1;
      missing += 1;
    }
  }
  return spans;
}

function clamp(value: number, range: { min: number; max: number }): number {
  return Math.min(Math.max(Math.round(value), range.min), range.max);
}

/** Picks `count` distinct items, none of them `exclude`, from `pool` (or fewer when the pool is small). */
function pickDistinct<T>(pool: readonly T[], count: number, exclude: T, next: () => number): T[] {
  const candidates = pool.filter((item) => item !== exclude);
  for (let i = 0; i < Math.min(count, candidates.length); i++) {
    const j = i + Math.floor(next() * (candidates.length - i));
    [candidates[i], candidates[j]] = [candidates[j] as T, candidates[i] as T];
  }
  return candidates.slice(0, count);
}

/**
 * Plans the organisation in memory: people (managers before their reports), one closed feedback
 * request each, and 5 submitted assessments about each person with a score for every competency.
 */
export function planSyntheticOrganisation(
  framework: Framework,
  options: PlanSyntheticOptions = {},
): SyntheticOrganisation {
  const count = options.people ?? DEFAULT_SYNTHETIC_PEOPLE;
  assertPeopleCount(count);
  const now = options.now ?? new Date();
  const next = random(options.seed ?? 42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;

  const byRank = [...framework.levels].sort((a, b) => a.rank - b.rank);
  const icLevels = byRank.filter((l) => l.track === "ic");
  const ics: Level[] = icLevels.length > 0 ? icLevels : byRank.slice(0, 1);
  const leaders = byRank.filter((l) => !ics.includes(l)).reverse();
  if (leaders.length === 0) throw new AppError("validation_failed", "The ladder has no management levels");
  // The senior individual contributors sit below the first management rank (Senior PM, not Principal PM).
  const firstLeaderRank = Math.min(...leaders.map((l) => l.rank));
  const seniorIc = [...ics].reverse().find((l) => l.rank < firstLeaderRank) ?? (ics.at(-1) as Level);

  const people: SyntheticPerson[] = [];
  const childrenOf = new Map<string, SyntheticPerson[]>();
  const addPerson = (manager: SyntheticPerson | null, levelId: string, team: string, depth: number) => {
    const index = people.length;
    const first = pick(FIRST);
    const last = pick(LAST);
    const person: SyntheticPerson = {
      id: randomUUID(),
      name: `${first} ${last}`,
      email: `${first}.${last}.${index}@${SYNTHETIC_EMAIL_DOMAIN}`
        .toLowerCase()
        .normalize("NFD")
        .replace(/[\u0300-\u036f]/g, ""),
      title: TITLES[levelId] ?? levelId,
      levelId,
      managerId: manager?.id ?? null,
      team,
      depth,
    };
    people.push(person);
    if (manager) childrenOf.set(manager.id, [...(childrenOf.get(manager.id) ?? []), person]);
    return person;
  };

  const root = addPerson(null, (leaders[0] as Level).id, "Product Leadership", 0);
  const sizes = layerSizes(count);
  const layers: SyntheticPerson[][] = [[root]];
  for (let depth = 1; depth < sizes.length; depth++) {
    const managers = layers[depth - 1] as SyntheticPerson[];
    const isLast = depth === sizes.length - 1;
    const spans = randomSpans(sizes[depth] as number, managers.length, next);
    const layer: SyntheticPerson[] = [];
    managers.forEach((manager, m) => {
      for (let r = 0; r < (spans[m] ?? 0); r++) {
        const levelId = isLast
          ? (next() < 0.3 ? seniorIc : (ics[0] as Level)).id
          : (leaders[Math.min(depth, leaders.length - 1)] as Level).id;
        const team =
          depth === 1 ? (AREAS[r % AREAS.length] as string) : depth === 2 ? `${manager.team} ${r + 1}` : manager.team;
        layer.push(addPerson(manager, levelId, team, depth));
      }
    });
    layers.push(layer);
  }

  const competencyIds = framework.competencies.map((c) => c.id);
  const scale = framework.scale.points.map((p) => p.value);
  const range = { min: Math.min(...scale), max: Math.max(...scale) };
  const feedbackRequests: SyntheticFeedbackRequest[] = [];
  const assessments: SyntheticAssessment[] = [];
  const daysAgo = (from: number, to: number) => new Date(now.getTime() - (from + next() * (to - from)) * DAY);
  const byId = new Map(people.map((p) => [p.id, p]));

  for (const person of people) {
    const target = nextLevel(framework, person.levelId);
    const current = framework.expectations[person.levelId] ?? {};
    const above = framework.expectations[target.id] ?? {};
    // Where the person stands between their level (0) and the next (1); some are past it, some short.
    const growth = -0.4 + next() * 1.7;
    const truth = competencyIds.map((id) => {
      const here = current[id]?.expected ?? 3;
      return here + growth * ((above[id]?.expected ?? here) - here) + (next() - 0.5);
    });
    const rate = (bias: number, noise: number) =>
      truth.map((value) => clamp(value + bias + (next() - 0.5) * 2 * noise, range));

    const manager = person.managerId ? byId.get(person.managerId) : undefined;
    const siblings = manager ? (childrenOf.get(manager.id) ?? []) : [];
    const layer = layers[person.depth] ?? [];
    const raters = manager
      ? pickDistinct(
          siblings.length > PEERS_PER_PERSON ? siblings : layer.length > PEERS_PER_PERSON ? layer : people,
          PEERS_PER_PERSON,
          person,
          next,
        )
      : pickDistinct(childrenOf.get(person.id) ?? people, RATERS_PER_PERSON - 1, person, next);
    const dueAt = daysAgo(18, 22);
    const request: SyntheticFeedbackRequest = {
      id: randomUUID(),
      subjectId: person.id,
      requestedBy: manager?.id ?? person.id,
      relation: manager ? "peer" : "upward",
      raterIds: raters.map((r) => r.id),
      createdAt: new Date(dueAt.getTime() - 21 * DAY),
      dueAt,
      closedAt: dueAt,
    };
    feedbackRequests.push(request);

    const assess = (
      raterId: string,
      relation: Relation,
      submittedAt: Date,
      scores: number[],
      requestId: string | null,
    ) =>
      assessments.push({
        id: randomUUID(),
        subjectId: person.id,
        raterId,
        relation,
        levelId: person.levelId,
        feedbackRequestId: requestId,
        submittedAt,
        scores,
      });
    assess(person.id, "self", daysAgo(30, 60), rate(0.3, 0.5), null);
    if (manager) assess(manager.id, "manager", daysAgo(25, 55), rate(0, 0.4), null);
    for (const rater of raters) {
      assess(
        rater.id,
        request.relation,
        new Date(request.createdAt.getTime() + next() * 20 * DAY),
        rate(0, 0.7),
        request.id,
      );
    }
  }
  return { people, feedbackRequests, assessments, competencyIds };
}

/**
 * What the seed needs from the app's services: the ladder everyone is placed on, and the readiness
 * service that keeps snapshots. The caller passes the ones its composition root built.
 */
export interface SyntheticSeedServices {
  frameworks: Pick<FrameworkCatalog, "version">;
  readiness: Pick<ReadinessService, "refreshSnapshots">;
}

export type SyntheticSeedPhase = "people" | "ratings" | "readiness";

export interface SeedSyntheticOptions extends PlanSyntheticOptions {
  /** Called as the work advances; `done` of `total` within the phase. */
  onProgress?: (phase: SyntheticSeedPhase, done: number, total: number) => void;
  /** Delete an earlier synthetic organisation first instead of refusing to add beside other people. */
  force?: boolean;
}

export interface SyntheticSeedResult {
  people: number;
  feedbackRequests: number;
  assessments: number;
  ratings: number;
  snapshots: number;
  /** Removed first because of `force`. */
  removedPeople: number;
  /** The CPO: the root of the reporting chain, who may read everyone's readiness. */
  root: { id: string; email: string };
  seconds: { insert: number; readiness: number };
}

/**
 * People who make an organisation: everyone except people whose only role is administering the
 * install (the first admin that a fresh database gets has an admin account and no manager or reports).
 */
export async function countOrganisationPeople(database: DatabaseHandle): Promise<number> {
  const result = await database.db.execute(sql`
    select count(*)::int as n from people p
    where p.manager_id is not null
       or exists (select 1 from people r where r.manager_id = p.id)
       or not exists (select 1 from accounts a where a.person_id = p.id and a.is_admin)`);
  return Number((result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0);
}

/** Deletes every synthetic person; their requests, assessments, ratings and snapshots go with them. */
export async function removeSyntheticOrganisation(database: DatabaseHandle): Promise<number> {
  const result = await database.db.execute(
    sql`delete from people where email like ${`%@${SYNTHETIC_EMAIL_DOMAIN}`} returning id`,
  );
  return (result as unknown as { rows: unknown[] }).rows.length;
}

type Executor = Pick<DatabaseHandle["db"], "execute">;

/** Runs `write` over `items` in slices of `size`, reporting progress after each. */
async function inBatches<T>(
  items: T[],
  size: number,
  write: (slice: T[]) => Promise<unknown>,
  done?: (n: number) => void,
) {
  for (let start = 0; start < items.length; start += size) {
    const slice = items.slice(start, start + size);
    await write(slice);
    done?.(slice.length);
  }
}

const param = (values: unknown[]) => sql.param(values);

/** The tables the seed fills in bulk; `people` keeps its constraints (it is small and self-referencing). */
const BULK_TABLES = ["feedback_requests", "feedback_request_raters", "assessments", "ratings"];

/**
 * Runs `load` with the foreign keys of the bulk tables and the primary key of ratings dropped, then
 * adds them back: PostgreSQL's recipe for populating a database ("Remove Foreign Key Constraints",
 * "Remove Indexes"). Checking each of 750,000 rows on insert costs several times more than one
 * validating pass per constraint at the end. It all happens in the caller's transaction, so a
 * failure rolls the constraints back with the rows, and a row that breaks one fails the seed.
 */
async function withoutBulkConstraints(db: Executor, load: () => Promise<void>): Promise<void> {
  const result = await db.execute(sql`
    select conrelid::regclass::text as table_name, format('%I', conname) as name, contype as kind,
           pg_get_constraintdef(oid) as definition
    from pg_constraint
    where conrelid = any(${param(BULK_TABLES)}::regclass[])
      and (contype = 'f' or (contype = 'p' and conrelid = 'ratings'::regclass))`);
  const constraints = (
    result as unknown as { rows: { table_name: string; name: string; kind: string; definition: string }[] }
  ).rows;
  // Foreign keys first: they may lean on a primary key dropped after them.
  const ordered = [...constraints].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "f" ? -1 : 1));
  for (const c of ordered) await db.execute(sql.raw(`alter table ${c.table_name} drop constraint ${c.name}`));
  await load();
  // Room to sort the 750,000 keys of the ratings index in memory.
  await db.execute(sql`set local maintenance_work_mem = '256MB'`);
  for (const c of ordered.reverse()) {
    await db.execute(sql.raw(`alter table ${c.table_name} add constraint ${c.name} ${c.definition}`));
  }
}

async function insertOrganisation(
  db: Executor,
  plan: SyntheticOrganisation,
  framework: { id: string; version: number },
  progress: (phase: SyntheticSeedPhase, n: number) => void,
): Promise<void> {
  await inBatches(
    plan.people,
    ROWS_BATCH,
    (slice) =>
      db.execute(sql`
        insert into people (id, name, email, title, level_id, manager_id, team)
        select * from unnest(${param(slice.map((p) => p.id))}::uuid[], ${param(slice.map((p) => p.name))}::text[],
          ${param(slice.map((p) => p.email))}::text[], ${param(slice.map((p) => p.title))}::text[],
          ${param(slice.map((p) => p.levelId))}::text[], ${param(slice.map((p) => p.managerId))}::uuid[],
          ${param(slice.map((p) => p.team))}::text[])`),
    (n) => progress("people", n),
  );
  await inBatches(plan.feedbackRequests, ROWS_BATCH, async (slice) => {
    await db.execute(sql`
      insert into feedback_requests (id, subject_id, requested_by, relation, due_at, closed_at, created_at)
      select * from unnest(${param(slice.map((r) => r.id))}::uuid[], ${param(slice.map((r) => r.subjectId))}::uuid[],
        ${param(slice.map((r) => r.requestedBy))}::uuid[], ${param(slice.map((r) => r.relation))}::text[],
        ${param(slice.map((r) => r.dueAt.toISOString()))}::timestamptz[],
        ${param(slice.map((r) => r.closedAt.toISOString()))}::timestamptz[],
        ${param(slice.map((r) => r.createdAt.toISOString()))}::timestamptz[])`);
    const raters = slice.flatMap((r) =>
      r.raterIds.map((raterId) => ({ requestId: r.id, raterId, answeredAt: r.dueAt })),
    );
    await db.execute(sql`
      insert into feedback_request_raters (request_id, rater_id, answered_at)
      select * from unnest(${param(raters.map((r) => r.requestId))}::uuid[], ${param(raters.map((r) => r.raterId))}::uuid[],
        ${param(raters.map((r) => r.answeredAt.toISOString()))}::timestamptz[])`);
  });
  const competencies = param(plan.competencyIds);
  await inBatches(
    plan.assessments,
    RATINGS_BATCH,
    async (slice) => {
      const submitted = param(slice.map((a) => a.submittedAt.toISOString()));
      await db.execute(sql`
        insert into assessments (id, subject_id, rater_id, relation, framework_id, framework_version, level_id,
                                 feedback_request_id, status, submitted_at, created_at, updated_at)
        select a.id, a.subject_id, a.rater_id, a.relation, ${framework.id}::uuid, ${framework.version}::int, a.level_id,
               a.request_id, 'submitted', a.submitted_at, a.submitted_at, a.submitted_at
        from unnest(${param(slice.map((a) => a.id))}::uuid[], ${param(slice.map((a) => a.subjectId))}::uuid[],
          ${param(slice.map((a) => a.raterId))}::uuid[], ${param(slice.map((a) => a.relation))}::text[],
          ${param(slice.map((a) => a.levelId))}::text[], ${param(slice.map((a) => a.feedbackRequestId))}::uuid[],
          ${submitted}::timestamptz[])
          as a(id, subject_id, rater_id, relation, level_id, request_id, submitted_at)`);
      // Scores travel as one short "3,4,2,…" string per assessment and are expanded by the database:
      // 15× fewer parameters than one row each.
      await db.execute(sql`
        insert into ratings (assessment_id, competency_id, score)
        select a.id, (${competencies}::text[])[s.position], s.score::real
        from unnest(${param(slice.map((a) => a.id))}::uuid[], ${param(slice.map((a) => a.scores.join(",")))}::text[])
          as a(id, scores)
        cross join lateral unnest(string_to_array(a.scores, ',')) with ordinality as s(score, position)`);
    },
    (n) => progress("ratings", n * plan.competencyIds.length),
  );
}

/**
 * Writes a synthetic organisation of `options.people` people (default 10,000) with its ratings in
 * one transaction, then computes every person's readiness snapshot in batches. Refuses when the
 * database already holds an organisation, unless `force` (which first removes an earlier synthetic one).
 */
export async function seedSyntheticOrganisation(
  database: DatabaseHandle,
  options: SeedSyntheticOptions,
  services: SyntheticSeedServices,
): Promise<SyntheticSeedResult> {
  assertPeopleCount(options.people ?? DEFAULT_SYNTHETIC_PEOPLE);
  let removedPeople = 0;
  if (options.force) removedPeople = await removeSyntheticOrganisation(database);
  else {
    const existing = await countOrganisationPeople(database);
    if (existing > 0) {
      throw new AppError(
        "conflict",
        `The database already has ${existing.toLocaleString("en-US")} people; use --force to add a synthetic organisation anyway`,
      );
    }
  }
  const version = await services.frameworks.version(ACTIVE_FRAMEWORK_SLUG, "latest");
  const plan = planSyntheticOrganisation(version.document, options);
  const ratingsTotal = plan.assessments.length * plan.competencyIds.length;
  const totals: Record<SyntheticSeedPhase, number> = {
    people: plan.people.length,
    ratings: ratingsTotal,
    readiness: plan.people.length,
  };
  const done: Record<SyntheticSeedPhase, number> = { people: 0, ratings: 0, readiness: 0 };
  const progress = (phase: SyntheticSeedPhase, n: number) => {
    done[phase] += n;
    options.onProgress?.(phase, done[phase], totals[phase]);
  };

  const insertStarted = performance.now();
  await database.db.transaction((tx) =>
    withoutBulkConstraints(tx, () =>
      insertOrganisation(tx, plan, { id: version.frameworkId, version: version.version }, progress),
    ),
  );
  // Fresh statistics, or the planner guesses as if the tables were still empty.
  await database.db.execute(sql.raw(`analyze people, ${BULK_TABLES.join(", ")}`));
  const readinessStarted = performance.now();
  await inBatches(
    plan.people.map((p) => p.id),
    SNAPSHOT_BATCH,
    (ids) => services.readiness.refreshSnapshots(ids),
    (n) => progress("readiness", n),
  );
  await database.db.execute(sql`analyze readiness_snapshots`);
  const finished = performance.now();
  const root = plan.people[0] as SyntheticPerson;
  return {
    people: plan.people.length,
    feedbackRequests: plan.feedbackRequests.length,
    assessments: plan.assessments.length,
    ratings: ratingsTotal,
    snapshots: plan.people.length,
    removedPeople,
    root: { id: root.id, email: root.email },
    seconds: { insert: (readinessStarted - insertStarted) / 1000, readiness: (finished - readinessStarted) / 1000 },
  };
}
