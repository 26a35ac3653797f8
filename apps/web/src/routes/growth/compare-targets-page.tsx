import type { TPersonReadiness } from "@ascent/contract";
import { useSearchParams } from "react-router";
import { useFrameworkDocument, useReadiness } from "../../api/assessment-queries.ts";
import { useSignedIn } from "../../api/session.ts";
import { Breadcrumb } from "../../ui/breadcrumb.tsx";
import { ErrorState } from "../../ui/error-state.tsx";
import { FormField } from "../../ui/form-field.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import { TRACK_LABELS } from "../ladder/ladder-model.ts";
import { formatNumber, STATUS_LABELS, VERDICT_LABELS } from "./readiness-math.ts";
import "./growth.css";

type Side = "a" | "b";

/** The signed-in person's readiness for two levels, on any track, one beside the other. */
export function CompareTargetsPage() {
  useDocumentTitle("Compare two targets");
  const session = useSignedIn();
  const [params, setParams] = useSearchParams();
  const ladder = useFrameworkDocument("latest");
  const levels = [...(ladder.data?.document.levels ?? [])].sort((x, y) => x.rank - y.rank);
  const a = params.get("a") ?? undefined;
  const b = params.get("b") ?? undefined;
  const left = useReadiness(session.person.id, a);
  const right = useReadiness(session.person.id, b);

  const choose = (side: Side, levelId: string) => {
    const next = new URLSearchParams(params);
    next.set(side, levelId);
    setParams(next, { replace: true });
  };

  const picker = (side: Side, value: string | undefined) => (
    <FormField label={side === "a" ? "First level" : "Second level"}>
      {(control) => (
        <select
          {...control}
          className="select"
          value={value ?? ""}
          onChange={(event) => choose(side, event.target.value)}
        >
          <option value="" disabled>
            Choose a level
          </option>
          {levels.map((level) => (
            <option key={level.id} value={level.id}>
              {level.name} ({TRACK_LABELS[level.track]})
            </option>
          ))}
        </select>
      )}
    </FormField>
  );

  const failed = [left, right].find((query) => query.isError);
  return (
    <>
      <PageHeading
        eyebrow={<Breadcrumb trail={[{ to: "/growth", label: "My growth" }]} current="Compare two targets" />}
        lead={
          <p>
            Your readiness for two levels at once, on the same ratings, for instance the next step on the
            individual-contributor track beside the step into management.
          </p>
        }
      >
        Compare two targets
      </PageHeading>
      <div className="compare-targets__pickers">
        {picker("a", a)}
        {picker("b", b)}
      </div>
      {failed?.error ? (
        <ErrorState title="Readiness could not be loaded" error={failed.error} />
      ) : left.data && right.data && a && b ? (
        <CompareTable left={left.data} right={right.data} />
      ) : a && b ? (
        <LoadingState label="Loading readiness…" />
      ) : (
        <p>Choose two levels to compare.</p>
      )}
    </>
  );
}

function CompareTable({ left, right }: { left: TPersonReadiness; right: TPersonReadiness }) {
  const ids = [...new Set([...left.competencies, ...right.competencies].map((c) => c.competencyId))];
  const names = new Map([...left.competencies, ...right.competencies].map((c) => [c.competencyId, c.name]));
  const cell = (readiness: TPersonReadiness, id: string) => {
    const row = readiness.competencies.find((c) => c.competencyId === id);
    if (!row) return <td className="muted">Does not apply</td>;
    return (
      <td>
        {STATUS_LABELS[row.status]} <span className="cell-note">expects {formatNumber(row.expected)}</span>
      </td>
    );
  };
  return (
    <div className="matrix-scroll">
      <table className="compare-targets">
        <caption className="compare-targets__caption">
          {left.targetLevel.name}: {VERDICT_LABELS[left.verdict]}, score {formatNumber(left.score * 100)}% ·{" "}
          {right.targetLevel.name}: {VERDICT_LABELS[right.verdict]}, score {formatNumber(right.score * 100)}%
        </caption>
        <thead>
          <tr>
            <th scope="col">Competency</th>
            <th scope="col">Observed</th>
            <th scope="col">{left.targetLevel.name}</th>
            <th scope="col">{right.targetLevel.name}</th>
          </tr>
        </thead>
        <tbody>
          {ids.map((id) => {
            const observed = (
              left.competencies.find((c) => c.competencyId === id) ??
              right.competencies.find((c) => c.competencyId === id)
            )?.observed;
            return (
              <tr key={id}>
                <th scope="row">{names.get(id)}</th>
                <td className="numeric">
                  {observed === null || observed === undefined ? "—" : formatNumber(observed)}
                </td>
                {cell(left, id)}
                {cell(right, id)}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
