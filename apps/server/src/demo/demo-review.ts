import { nextLevel, type Framework, type Level } from "@ascent/core";
import type { DemoPerson } from "./demo-organisation.ts";

/**
 * One completed, released review round for the demo organisation, planned before anything is
 * written: self and manager ratings for everyone placed on the ladder, closed peer requests for most
 * people, upward feedback for managers, evidence, a few goals and plans. Everything is invented and
 * derived from the organisation's order, so every install gets the same round.
 */

export type DemoOutcome = "ready" | "almost" | "not-yet";

export interface PlannedRating {
  competencyId: string;
  score: number;
  /** The rater's written comment; peer and upward ones are shown only inside a released aggregate. */
  evidence: string;
}

export interface PlannedAssessment {
  subjectEmail: string;
  raterEmail: string;
  relation: "self" | "manager" | "peer" | "upward";
  /** The planned request this answers, for peer and upward feedback. */
  requestIndex: number | null;
  ratings: PlannedRating[];
}

export interface PlannedRequest {
  subjectEmail: string;
  requestedByEmail: string;
  relation: "peer" | "upward";
  raterEmails: string[];
}

export interface PlannedEvidence {
  personEmail: string;
  daysAgo: number;
  title: string;
  body: string;
  competencyIds: string[];
}

export interface PlannedGoal {
  personEmail: string;
  competencyId: string;
  from: number;
  target: number;
  title: string;
  actions: string[];
}

export interface DemoReviewPlan {
  /** What each placed person's ratings were written to show for their next level. */
  outcomes: Map<string, DemoOutcome>;
  requests: PlannedRequest[];
  assessments: PlannedAssessment[];
  evidence: PlannedEvidence[];
  goals: PlannedGoal[];
}

export interface DemoReviewOptions {
  /** Whether a rating of this competency is allowed in an assessment of someone at this level. */
  isRatable: (levelId: string, competencyId: string) => boolean;
  /** The anonymity threshold: peer requests ask at least this many people. */
  k: number;
}

// Three in ten ready, four almost, three not yet: a spread every readiness list can show.
const OUTCOME_CYCLE: readonly DemoOutcome[] = [
  "almost",
  "ready",
  "not-yet",
  "almost",
  "ready",
  "almost",
  "not-yet",
  "ready",
  "almost",
  "not-yet",
];

const STRENGTH_COMMENTS: readonly ((name: string) => string)[] = [
  (name) => `${capitalise(name)} is a real strength; the rest of us lean on it.`,
  (name) => `Shows ${name} week in, week out, not only when the stakes are high.`,
  (name) => `I have picked up a lot from watching how they handle ${name}.`,
];

const GROWTH_COMMENTS: readonly ((name: string) => string)[] = [
  (name) => `More ${name} would help; it tends to wait until someone asks for it.`,
  (name) => `I would like to see ${name} earlier in the work, before the big decisions are made.`,
  (name) => `${capitalise(name)} is uneven: strong on some projects, thin on others.`,
];

/** Invented achievements, one per competency: what a person logged as evidence of it. */
const ACHIEVEMENTS: Record<string, { title: string; body: string }> = {
  "strategic-thinking": {
    title: "Rebuilt the half-year roadmap around two bets",
    body: "Cut the list from eleven themes to two, each tied to a company goal, and explained what was dropped.",
  },
  leadership: {
    title: "Coached a new associate PM through a first launch",
    body: "Weekly pairing on discovery and release planning; the launch went out on the agreed date.",
  },
  "scope-management": {
    title: "Took over a second product area",
    body: "Merged two backlogs, agreed one set of priorities with both engineering leads.",
  },
  "collaboration-influence": {
    title: "Aligned design, engineering and sales on the launch plan",
    body: "Ran three working sessions that settled scope, dates and the sales story together.",
  },
  "vision-innovation": {
    title: "Wrote the product vision for next year",
    body: "A two-page narrative reviewed with the leadership team and shared with every squad.",
  },
  "team-management": {
    title: "Hired and onboarded two product managers",
    body: "Designed the interview loop and a thirty-day onboarding plan; both were shipping within a month.",
  },
  "decision-making": {
    title: "Cut a feature to hold the release date",
    body: "Weighed the usage data against the commitment to customers and made the call in one meeting.",
  },
  communication: {
    title: "Presented the area strategy to the executive team",
    body: "Twenty minutes, three decisions asked for, all three taken.",
  },
  "customer-focus": {
    title: "Ran discovery interviews with twelve customers",
    body: "Turned the interviews into four problem statements that now head the backlog.",
  },
  "adaptability-resilience": {
    title: "Re-planned the quarter after a competitor's launch",
    body: "Moved two teams onto the response within a week without dropping the committed work.",
  },
  "data-analysis": {
    title: "Set up the weekly product metrics review",
    body: "One dashboard and a thirty-minute review that the squads now run themselves.",
  },
  "business-acumen": {
    title: "Built the pricing model for the new tier",
    body: "Modelled three price points against churn and margin; finance adopted the middle one.",
  },
  "domain-knowledge": {
    title: "Shared a teardown of the three main competitors",
    body: "A written comparison of features, pricing and positioning, refreshed each quarter.",
  },
  "strategic-partnerships": {
    title: "Negotiated an integration partnership",
    body: "Agreed scope and a joint launch with a partner's product team.",
  },
  "continuous-learning": {
    title: "Finished a course on experimentation",
    body: "Applied it straight away to the onboarding tests.",
  },
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** Offsets that sum to zero, so a group's mean is the planned score whenever none is clamped. */
function spread(raters: number, turn: number): number[] {
  if (raters === 4) return turn % 2 === 0 ? [-1, 0, 0, 1] : [0, 1, -1, 0];
  if (raters === 3) return turn % 2 === 0 ? [0, -1, 1] : [1, 0, -1];
  return Array.from({ length: raters }, () => 0);
}

interface PlacedPerson extends DemoPerson {
  levelId: string;
}

/** Plans the released review round of the demo organisation (see the module comment). */
export function planDemoReview(
  organisation: readonly DemoPerson[],
  ladder: Framework,
  options: DemoReviewOptions,
): DemoReviewPlan {
  const { min, max } = ladder.scale;
  const levelById = new Map(ladder.levels.map((level) => [level.id, level]));
  const byEmail = new Map(organisation.map((person) => [person.email, person]));
  const placed = organisation.filter((p): p is PlacedPerson => p.levelId !== null && levelById.has(p.levelId));
  const reportsOf = (email: string) => organisation.filter((p) => p.managerEmail === email);
  const chainAbove = (person: DemoPerson): Set<string> => {
    const chain = new Set<string>();
    for (let at = person.managerEmail; at !== null && !chain.has(at); at = byEmail.get(at)?.managerEmail ?? null) {
      chain.add(at);
    }
    return chain;
  };
  const below = (email: string): Set<string> => {
    const found = new Set<string>();
    const visit = (at: string) => {
      for (const report of reportsOf(at)) {
        if (found.has(report.email)) continue;
        found.add(report.email);
        visit(report.email);
      }
    };
    visit(email);
    return found;
  };
  const rankOf = (person: PlacedPerson) => (levelById.get(person.levelId) as Level).rank;
  const competencyName = new Map(ladder.competencies.map((c) => [c.id, c.name.toLowerCase()]));

  const plan: DemoReviewPlan = { outcomes: new Map(), requests: [], assessments: [], evidence: [], goals: [] };

  placed.forEach((person, index) => {
    const outcome = OUTCOME_CYCLE[index % OUTCOME_CYCLE.length] as DemoOutcome;
    plan.outcomes.set(person.email, outcome);
    const target = nextLevel(ladder, person.levelId);
    const targetRow = ladder.expectations[target.id] ?? {};
    const ownRow = ladder.expectations[person.levelId] ?? {};
    const rated = ladder.competencies
      .map((c) => c.id)
      .filter(
        (id) =>
          ((ownRow[id]?.weight ?? 0) > 0 || (targetRow[id]?.weight ?? 0) > 0) && options.isRatable(person.levelId, id),
      );

    // The planned "true" score per competency, against what the next level expects.
    const shortfalls = outcome === "ready" ? 0 : outcome === "almost" ? 1 + (index % 2) : Math.ceil(rated.length / 2);
    const planned = new Map<string, number>();
    rated.forEach((id, i) => {
      const expected = targetRow[id]?.expected ?? ownRow[id]?.expected ?? min;
      // Shortfalls fall on different competencies from one person to the next.
      const isShort = (i + index) % rated.length < shortfalls;
      const extra = outcome === "ready" && i % 5 === 0 ? 1 : 0;
      planned.set(id, clamp(expected - (isShort ? 1 : 0) + extra, min, max));
    });

    // Self: a few people rate themselves a point higher where they fall short (a self-perception gap).
    const selfBias = index % 3 === 0 ? 1 : 0;
    const ratingsWith = (offset: (id: string, i: number) => number, comment: (id: string, i: number) => string) =>
      rated.map((id, i) => ({
        competencyId: id,
        score: clamp((planned.get(id) ?? min) + offset(id, i), min, max),
        evidence: comment(id, i),
      }));
    plan.assessments.push({
      subjectEmail: person.email,
      raterEmail: person.email,
      relation: "self",
      requestIndex: null,
      ratings: ratingsWith(
        (id) => ((planned.get(id) ?? 0) < (targetRow[id]?.expected ?? 0) ? selfBias : 0),
        () => "",
      ),
    });
    if (person.managerEmail) {
      plan.assessments.push({
        subjectEmail: person.email,
        raterEmail: person.managerEmail,
        relation: "manager",
        requestIndex: null,
        ratings: ratingsWith(
          () => 0,
          (id, i) =>
            i === 0 ? `Seen across this half's work: ${competencyName.get(id) ?? id} is where it shows most.` : "",
        ),
      });
    }

    const comment = (id: string, turn: number) => {
      const name = competencyName.get(id) ?? id;
      const meets = (planned.get(id) ?? 0) >= (targetRow[id]?.expected ?? 0);
      const bank = meets ? STRENGTH_COMMENTS : GROWTH_COMMENTS;
      return (bank[turn % bank.length] as (name: string) => string)(name);
    };
    const addFeedback = (relation: "peer" | "upward", raters: string[]) => {
      const requestIndex = plan.requests.length;
      plan.requests.push({
        subjectEmail: person.email,
        requestedByEmail: person.managerEmail ?? person.email,
        relation,
        raterEmails: raters,
      });
      raters.forEach((raterEmail, r) => {
        const offsets = spread(raters.length, index + r);
        plan.assessments.push({
          subjectEmail: person.email,
          raterEmail,
          relation,
          requestIndex,
          // Each rater comments on two competencies, so every competency gathers a few comments.
          ratings: ratingsWith(
            () => offsets[r] ?? 0,
            (id, i) => ((i + r) % Math.max(1, Math.ceil(rated.length / 6)) === 0 ? comment(id, r + i) : ""),
          ),
        });
      });
    };

    // Peers: close in rank, outside the management chain and the person's own reporting tree.
    // Every seventh person has none, so the "no released peer feedback" state shows too.
    if (index % 7 !== 6) {
      const excluded = new Set([person.email, ...chainAbove(person), ...below(person.email)]);
      const candidates = placed
        .filter((other) => !excluded.has(other.email))
        .map((other, order) => ({ other, order }))
        .sort(
          (a, b) =>
            Math.abs(rankOf(a.other) - rankOf(person)) - Math.abs(rankOf(b.other) - rankOf(person)) ||
            Number(b.other.team === person.team) - Number(a.other.team === person.team) ||
            a.order - b.order,
        )
        .map(({ other }) => other.email);
      const count = options.k + (index % 2);
      if (candidates.length >= options.k) addFeedback("peer", candidates.slice(0, count));
    }
    const reports = reportsOf(person.email).map((report) => report.email);
    if (reports.length > 0) addFeedback("upward", reports);

    const evidenceFor = rated.filter((_, i) => i % 7 === index % 7).slice(0, 2);
    evidenceFor.forEach((id, i) => {
      const achievement = ACHIEVEMENTS[id];
      if (!achievement) return;
      plan.evidence.push({
        personEmail: person.email,
        daysAgo: 20 + ((index * 13 + i * 41) % 150),
        title: achievement.title,
        body: achievement.body,
        competencyIds: [id],
      });
    });

    if (outcome !== "ready") {
      const gap = rated.find((id) => (planned.get(id) ?? 0) < (targetRow[id]?.expected ?? 0));
      if (gap && index % 2 === 0) {
        const name = competencyName.get(gap) ?? gap;
        const targetScore = targetRow[gap]?.expected ?? max;
        plan.goals.push({
          personEmail: person.email,
          competencyId: gap,
          from: planned.get(gap) ?? min,
          target: targetScore,
          title: `Grow ${name} to ${targetScore}`,
          actions: [
            `Ask my manager for one piece of work that stretches my ${name}`,
            `Review progress on ${name} at each 1:1`,
          ],
        });
      }
    }
  });
  return plan;
}
