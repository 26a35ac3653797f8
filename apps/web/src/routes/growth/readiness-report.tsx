import type { TCompetencyReadiness, TFramework, TPersonReadiness } from "@ascent/contract";
import { useId, useState, type ReactNode } from "react";
import { Link } from "react-router";
import {
  useCreateGoalFromGap,
  useFrameworkDocument,
  useGoals,
  useReadiness,
  useReadinessHistory,
} from "../../api/assessment-queries.ts";
import { describeError } from "../../ui/describe-error.ts";
import { ErrorState } from "../../ui/error-state.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { ExplanationTable } from "./explanation-table.tsx";
import {
  formatNumber,
  formatPercent,
  formatGap,
  hasAnyRating,
  scoreContribution,
  scoreSums,
  STATUS_LABELS,
  VERDICT_LABELS,
  verdictReasons,
  weightedGap,
  type VerdictReason,
} from "./readiness-math.ts";
import { ReadinessRadar } from "./readiness-radar.tsx";
import { ReadinessTimeline } from "./readiness-timeline.tsx";
import { ThenVersusNow } from "./then-versus-now.tsx";

const VERDICT_HEADLINES = { ready: "Ready for", almost: "Almost ready for", "not-yet": "Not yet ready for" } as const;

function TargetPicker({
  readiness,
  document,
  onChange,
  isUpdating,
}: {
  readiness: TPersonReadiness;
  document: TFramework | undefined;
  onChange: (levelId: string) => void;
  isUpdating: boolean;
}) {
  const id = useId();
  const levels = [...(document?.levels ?? [])].sort((a, b) => a.rank - b.rank);
  const currentRank = levels.find((l) => l.id === readiness.currentLevel?.id)?.rank;
  const next = levels.find((l) => currentRank !== undefined && l.rank > currentRank);
  if (levels.length === 0) return null;
  return (
    <div className="target-picker">
      <label htmlFor={id} className="form-field__label">
        Target level
      </label>
      <select
        id={id}
        className="select"
        value={readiness.targetLevel.id}
        onChange={(event) => onChange(event.target.value)}
      >
        {levels.map((level) => (
          <option key={level.id} value={level.id}>
            {level.name}
            {level.id === next?.id ? " (next level)" : ""}
            {level.id === readiness.currentLevel?.id ? " (current level)" : ""}
          </option>
        ))}
      </select>
      <p role="status" className="target-picker__status">
        {isUpdating ? "Updating…" : ""}
      </p>
    </div>
  );
}

function ReasonList({ reasons }: { reasons: VerdictReason[] }) {
  return (
    <ul className="reason-list">
      {reasons.map((reason) => (
        <li key={reason.text} className={reason.isMet ? "reason reason--met" : "reason reason--unmet"}>
          <span aria-hidden="true" className="reason__mark">
            {reason.isMet ? "✓" : "✗"}
          </span>
          <span className="visually-hidden">{reason.isMet ? "Met: " : "Not met: "}</span>
          {reason.text}
        </li>
      ))}
    </ul>
  );
}

function VerdictCard({ readiness, picker }: { readiness: TPersonReadiness; picker: ReactNode }) {
  const counts = { meets: 0, near: 0, below: 0, unknown: 0 };
  for (const c of readiness.competencies) counts[c.status] += 1;
  return (
    <div className={`verdict-card verdict-card--${readiness.verdict}`}>
      <div className="verdict-card__main">
        <p className="verdict-card__eyebrow">Verdict</p>
        <p className="verdict-card__headline">
          <span className={`verdict-badge verdict-badge--${readiness.verdict}`}>
            {VERDICT_LABELS[readiness.verdict]}
          </span>{" "}
          <span className="verdict-card__text">
            {VERDICT_HEADLINES[readiness.verdict]} {readiness.targetLevel.name}
          </span>
        </p>
        <p className="verdict-card__score">
          <span className="verdict-card__score-value">{formatPercent(readiness.score)}</span>
          <span className="verdict-card__score-label"> readiness score</span>
        </p>
        <p className="verdict-card__counts">
          {(["meets", "near", "below", "unknown"] as const)
            .filter((status) => counts[status] > 0)
            .map((status) => `${counts[status]} ${STATUS_LABELS[status].toLowerCase()}`)
            .join(" · ")}{" "}
          of {readiness.competencies.length} competencies
          {readiness.currentLevel ? ` · current level ${readiness.currentLevel.name}` : ""}
        </p>
      </div>
      <div className="verdict-card__side">{picker}</div>
    </div>
  );
}

function WhyThisVerdict({ readiness }: { readiness: TPersonReadiness }) {
  const { earned, possible } = scoreSums(readiness);
  const reasons = verdictReasons(readiness);
  const { weights } = readiness.settings;
  return (
    <div className="why-grid">
      <div className="why-card">
        <h3>The score</h3>
        <p>
          Each competency earns its weight × min(observed ÷ expected, 1); an unknown one earns 0. The score is what was
          earned out of the total weight:
        </p>
        <p className="why-card__sum">
          {formatNumber(earned)} ÷ {formatNumber(possible)} = <strong>{formatPercent(readiness.score)}</strong>
        </p>
      </div>
      <div className="why-card">
        <h3>The verdict</h3>
        <p className="why-card__rule">Ready needs all three:</p>
        <ReasonList reasons={reasons.ready} />
        <p className="why-card__rule">Almost needs both:</p>
        <ReasonList reasons={reasons.almost} />
        {reasons.isHeldBackByUnverified && (
          <p>
            The numbers alone would say ready, but nobody is ready on their own rating alone: until the competencies
            marked “self-rating only” are backed by others, the verdict is almost.
          </p>
        )}
        <p>
          Otherwise it is not yet. So the verdict is <strong>{VERDICT_LABELS[readiness.verdict].toLowerCase()}</strong>.
        </p>
      </div>
      <div className="why-card">
        <h3>Each number</h3>
        <p>
          <strong>Observed</strong> is the weighted mean of the group means: manager × {formatNumber(weights.manager)},
          peers × {formatNumber(weights.peer)}, upward × {formatNumber(weights.upward)}, self ×{" "}
          {formatNumber(weights.self)}, over the groups present. Each rater’s latest submitted rating within the window
          (by default the last 12 months) counts.
        </p>
        {readiness.managerCorrection && (
          <p className="why-card__correction">
            <strong>Manager ratings are corrected for leniency.</strong> Your organisation takes each manager&apos;s
            estimated leniency or severity from the review cycle “{readiness.managerCorrection.cycleName}” off their
            ratings: {readiness.managerCorrection.correctedRatings}{" "}
            {readiness.managerCorrection.correctedRatings === 1 ? "rating was" : "ratings were"} adjusted here.
          </p>
        )}
        <p>
          <strong>Gap</strong> is expected − observed: meets at 0 or less, near up to 0.5, below beyond that.
        </p>
      </div>
    </div>
  );
}

function gapText(c: TCompetencyReadiness): string {
  if (c.observed === null) return `expected ${formatNumber(c.expected)}, no ratings yet`;
  return `expected ${formatNumber(c.expected)}, observed ${formatNumber(c.observed)} (gap ${formatGap(c.gap ?? 0)})`;
}

function GoalButton({
  personId,
  competency,
  targetLevelId,
  hasGoal,
}: {
  personId: string;
  competency: TCompetencyReadiness;
  targetLevelId: string;
  hasGoal: boolean;
}) {
  const create = useCreateGoalFromGap(personId);
  if (hasGoal || create.isSuccess) {
    return (
      <span className="goal-note" role="status">
        Goal set
      </span>
    );
  }
  return (
    <span className="goal-action">
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={create.isPending}
        onClick={() => create.mutate({ competencyId: competency.competencyId, targetLevelId })}
      >
        {create.isPending ? "Creating…" : "Create a goal"}
        <span className="visually-hidden"> for {competency.name}</span>
      </button>
      {create.isError && (
        <span role="alert" className="form-field__error">
          {describeError(create.error)}
        </span>
      )}
    </span>
  );
}

function GapsAndStrengths({
  readiness,
  personId,
  canSetGoals,
  goalCompetencies,
}: {
  readiness: TPersonReadiness;
  personId: string;
  canSetGoals: boolean;
  goalCompetencies: Set<string>;
}) {
  const order = new Map(readiness.blockers.map((id, index) => [id, index]));
  const gaps = readiness.competencies
    .filter((c) => c.status === "below" || c.status === "near")
    .sort((a, b) => (order.get(a.competencyId) ?? 999) - (order.get(b.competencyId) ?? 999));
  const unrated = readiness.competencies.filter((c) => c.status === "unknown");
  const strengths = readiness.competencies
    .filter((c) => c.status === "meets" && c.observed !== null)
    .sort((a, b) => (b.observed ?? 0) - b.expected - ((a.observed ?? 0) - a.expected));
  return (
    <div className="gaps-grid">
      <div>
        <h3>Gaps</h3>
        {gaps.length === 0 ? (
          <p className="muted">
            {unrated.length === 0
              ? `No gaps: every competency meets what ${readiness.targetLevel.name} expects.`
              : "No gaps among the competencies rated so far."}
          </p>
        ) : (
          <ul className="gap-list">
            {gaps.map((c) => (
              <li key={c.competencyId}>
                <span className="gap-list__text">
                  <span className="gap-list__name">{c.name}</span>{" "}
                  <span className={`status-pill status-pill--${c.status}`}>{STATUS_LABELS[c.status]}</span>
                  <span className="cell-note">{gapText(c)}</span>
                </span>
                {canSetGoals && (
                  <GoalButton
                    personId={personId}
                    competency={c}
                    targetLevelId={readiness.targetLevel.id}
                    hasGoal={goalCompetencies.has(c.competencyId)}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
        {unrated.length > 0 && (
          <p className="gap-unrated">
            <strong>Not rated yet ({unrated.length}):</strong> {unrated.map((c) => c.name).join(", ")}. They count as
            unknown, and earn nothing towards the score, until someone rates them.
          </p>
        )}
      </div>
      <div>
        <h3>Strengths</h3>
        {strengths.length === 0 ? (
          <p className="muted">None yet: no competency reaches what {readiness.targetLevel.name} expects.</p>
        ) : (
          <ul className="gap-list">
            {strengths.map((c) => (
              <li key={c.competencyId}>
                <span className="gap-list__text">
                  <span className="gap-list__name">{c.name}</span>
                  <span className="cell-note">
                    observed {formatNumber(c.observed ?? 0)} against {formatNumber(c.expected)} expected
                    {c.gap !== null && c.gap < 0 ? ` (${formatNumber(-c.gap)} above)` : ""}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

function Blockers({ readiness }: { readiness: TPersonReadiness }) {
  const byId = new Map(readiness.competencies.map((c) => [c.competencyId, c]));
  const blockers = readiness.blockers.flatMap((id) => {
    const found = byId.get(id);
    return found ? [found] : [];
  });
  if (blockers.length === 0) {
    return (
      <p className="muted">
        Nothing blocks {readiness.targetLevel.name}: no competency falls short of it, and others back every rating.
      </p>
    );
  }
  return (
    <ol className="blocker-list">
      {blockers.map((c) => {
        const weighted = weightedGap(c);
        return (
          <li key={c.competencyId}>
            <span className="gap-list__name">{c.name}</span>
            {c.flags.includes("unverified") && <span className="flag__label"> Self-rating only</span>}
            <span className="cell-note">
              {weighted === null
                ? `weight ${formatNumber(c.weight)}, no ratings yet`
                : `weight ${formatNumber(c.weight)} × gap ${formatNumber(c.gap ?? 0)} = ${formatNumber(weighted)}; earns ${formatNumber(scoreContribution(c))} of ${formatNumber(c.weight)}`}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

export interface ReadinessReportProps {
  personId: string;
  isSelf: boolean;
  /** First name or "you", for the empty state. */
  firstName: string;
  /** Links offered when nobody has rated the person yet. */
  emptyActions: ReactNode;
}

/** Readiness for a target level, explained number by number, with the radar, gaps and timeline. */
export function ReadinessReport({ personId, isSelf, firstName, emptyActions }: ReadinessReportProps) {
  const [target, setTarget] = useState<string | undefined>(undefined);
  const readiness = useReadiness(personId, target);
  const document = useFrameworkDocument(readiness.data?.framework.version);
  const history = useReadinessHistory(personId);
  const goals = useGoals(personId);

  if (readiness.isPending) return <LoadingState label="Working out readiness…" />;
  if (readiness.isError) {
    return (
      <ErrorState
        title="Readiness could not be loaded"
        error={readiness.error}
        onRetry={() => void readiness.refetch()}
        isRetrying={readiness.isFetching}
      />
    );
  }
  const data = readiness.data;
  const picker = (
    <TargetPicker
      readiness={data}
      document={document.data?.document}
      onChange={setTarget}
      isUpdating={readiness.isPlaceholderData && readiness.isFetching}
    />
  );
  const goalCompetencies = new Set(
    (goals.data?.goals ?? []).filter((g) => g.status === "active").map((g) => g.competencyId),
  );

  return (
    <>
      <section className="section section--first" aria-labelledby="readiness-heading">
        <h2 id="readiness-heading">Readiness for {data.targetLevel.name}</h2>
        <VerdictCard readiness={data} picker={picker} />
        {!hasAnyRating(data) && (
          <div className="empty-state readiness-empty">
            <h3 className="empty-state__title">No ratings yet</h3>
            <p>
              Readiness is worked out from ratings: {isSelf ? "your own" : `${firstName}’s self-assessment`}, the
              manager’s, and feedback from colleagues. Until someone rates a competency it counts as unknown, which is
              why the score is {formatPercent(data.score)}.
            </p>
            <div className="actions">{emptyActions}</div>
          </div>
        )}
      </section>

      <section className="section" aria-labelledby="radar-heading">
        <h2 id="radar-heading">Observed against expected</h2>
        <p className="section__lead">
          The solid shape is what ratings show; the dashed line is what {data.targetLevel.name} expects
          {data.currentLevel && data.currentLevel.id !== data.targetLevel.id
            ? ` and the dotted one what ${data.currentLevel.name} expects`
            : ""}
          . Pick another target level above to compare.
        </p>
        <ReadinessRadar readiness={data} {...(document.data ? { document: document.data.document } : {})} />
      </section>

      {history.isSuccess && history.data.points.length >= 2 && (
        <section className="section" aria-labelledby="then-now-heading">
          <h2 id="then-now-heading">Then versus now</h2>
          <p className="section__lead">
            Pick any two moments of the history towards {history.data.targetLevel.name}: the radar overlays them and the
            list shows what changed.
          </p>
          <ThenVersusNow history={history.data} scaleMax={data.scale.max} />
        </section>
      )}

      <section className="section" aria-labelledby="why-heading">
        <h2 id="why-heading">Why this verdict</h2>
        <p className="section__lead">
          Every number behind the verdict, competency by competency. Peer and upward answers only ever appear as a
          group’s average, never one person’s answer.
        </p>
        <WhyThisVerdict readiness={data} />
        <ExplanationTable readiness={data} evidenceHref={isSelf ? "/growth/evidence" : null} />
      </section>

      <section className="section" aria-labelledby="gaps-heading">
        <h2 id="gaps-heading">Gaps and strengths</h2>
        <GapsAndStrengths
          readiness={data}
          personId={personId}
          canSetGoals={isSelf && goals.isSuccess}
          goalCompetencies={goalCompetencies}
        />
      </section>

      <section className="section" aria-labelledby="blockers-heading">
        <h2 id="blockers-heading">What blocks {data.targetLevel.name}, in order</h2>
        <p className="section__lead">
          Largest weight × gap first: closing the first ones moves the score the most. A competency that only a
          self-rating backs blocks too, however high it is, until a manager or a released peer or upward result backs
          it.
        </p>
        <Blockers readiness={data} />
      </section>

      <section className="section" aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Timeline</h2>
        {history.isPending ? (
          <LoadingState label="Loading the timeline…" />
        ) : history.isError ? (
          <ErrorState
            title="The timeline could not be loaded"
            error={history.error}
            onRetry={() => void history.refetch()}
            isRetrying={history.isFetching}
          />
        ) : (
          <ReadinessTimeline history={history.data} goalEntries={goals.data?.timeline ?? []} />
        )}
        {isSelf && (
          <p className="timeline__more">
            <Link to="/growth/side-by-side">Compare self, manager and peer ratings side by side</Link>
            {" · "}
            <Link to="/growth/compare-targets">Compare your readiness for two levels</Link>
          </p>
        )}
      </section>
    </>
  );
}
