import type { TCareerPlan } from "@ascent/contract";
import { useId, useState } from "react";
import { Link } from "react-router";
import type { Ladder } from "../../api/ladder.ts";
import { CreateGoalButton } from "../goals/create-goal-button.tsx";
import { messageAt, SELF_AWARENESS_FIELDS, type SectionProps, type SelfAwarenessKey } from "./plan-draft.ts";
import { StepHeading } from "./step-heading.tsx";
import { StringListField } from "./string-list-field.tsx";

type Suggestion = NonNullable<TCareerPlan["suggestions"]>["strengths"][number];

const formatValue = (value: number) => (Math.round(value * 10) / 10).toString();

export function SelfAwarenessSection({ plan, draft, update, errors, ladder }: SectionProps & { ladder: Ladder }) {
  const headingId = useId();
  const [ignored, setIgnored] = useState<ReadonlySet<string>>(new Set());

  const isListed = (list: SelfAwarenessKey, name: string) =>
    draft.selfAwareness[list].some((entry) => entry.toLowerCase() === name.toLowerCase());
  const pending = (list: SelfAwarenessKey, entries: Suggestion[]) =>
    entries.filter((s) => !isListed(list, s.name) && !ignored.has(`${list}:${s.competencyId}`));

  const suggestions = plan.suggestions;
  const levelName = ladder.levels.find((level) => level.id === suggestions?.targetLevelId)?.name ?? "your target level";
  const strengths = suggestions ? pending("strengths", suggestions.strengths) : [];
  const weaknesses = suggestions ? pending("weaknesses", suggestions.weaknesses) : [];
  const hasAny = suggestions !== null && suggestions.strengths.length + suggestions.weaknesses.length > 0;

  function accept(list: SelfAwarenessKey, name: string) {
    update((d) => ({ ...d, selfAwareness: { ...d.selfAwareness, [list]: [...d.selfAwareness[list], name] } }));
  }

  function renderSuggestions(list: "strengths" | "weaknesses", entries: Suggestion[]) {
    if (entries.length === 0) return null;
    const label = list === "strengths" ? "strengths" : "weaknesses";
    return (
      <ul className="suggestion-list" aria-label={`Suggested ${label}`}>
        {entries.map((entry) => (
          <li key={entry.competencyId} className="suggestion">
            <span className="suggestion__text">
              <strong>{entry.name}</strong>{" "}
              <span className="muted">
                observed {formatValue(entry.observed)} where {levelName} expects {formatValue(entry.expected)}
              </span>
            </span>
            <span className="suggestion__actions">
              <button
                type="button"
                className="button button--small"
                aria-label={`Add to ${label}: ${entry.name}`}
                onClick={() => accept(list, entry.name)}
              >
                Add to {label}
              </button>
              {list === "weaknesses" && suggestions && (
                <CreateGoalButton
                  personId={plan.personId}
                  competencyId={entry.competencyId}
                  competencyName={entry.name}
                  targetLevelId={suggestions.targetLevelId}
                />
              )}
              <button
                type="button"
                className="button button--small button--secondary"
                onClick={() => setIgnored((current) => new Set(current).add(`${list}:${entry.competencyId}`))}
              >
                Ignore<span className="visually-hidden"> {entry.name}</span>
              </button>
            </span>
          </li>
        ))}
      </ul>
    );
  }

  return (
    <section className="card plan-step" aria-labelledby={headingId}>
      <StepHeading plan={plan} stepId="self-awareness" number={2} fallbackName="Know yourself" headingId={headingId} />
      {suggestions !== null && (
        <div className="suggestions" aria-labelledby={`${headingId}-suggestions`} role="group">
          <h3 id={`${headingId}-suggestions`} className="suggestions__title">
            Suggestions from your readiness for {levelName}
          </h3>
          {!hasAny ? (
            <p className="muted">
              Nothing to suggest yet: suggestions appear once you have been rated. Start with a{" "}
              <Link to="/growth">self-assessment on My growth</Link>.
            </p>
          ) : strengths.length + weaknesses.length === 0 ? (
            <p className="muted">You have added or ignored every suggestion.</p>
          ) : (
            <>
              <p className="muted">Your clearest strengths and largest gaps. Add the ones you recognise.</p>
              {renderSuggestions("strengths", strengths)}
              {renderSuggestions("weaknesses", weaknesses)}
            </>
          )}
        </div>
      )}
      <div className="plan-lists">
        {SELF_AWARENESS_FIELDS.map((field) => (
          <StringListField
            key={field.key}
            label={field.label}
            hint={field.hint}
            values={draft.selfAwareness[field.key]}
            onChange={(values) => update((d) => ({ ...d, selfAwareness: { ...d.selfAwareness, [field.key]: values } }))}
            error={messageAt(errors, `selfAwareness.${field.key}`)}
          />
        ))}
      </div>
    </section>
  );
}
