import type { TFrameworkMigrationReport, TGoalChoice } from "@ascent/contract";
import { useFrameworkVersion } from "../../api/queries.ts";
import { FormField } from "../../ui/form-field.tsx";

type Move = TFrameworkMigrationReport["moves"][number];

const KIND_LABELS: Record<Move["kind"], string> = { rename: "Renamed", merge: "Merged", remove: "Removed" };

function choiceValue(choice: TGoalChoice | undefined): string {
  if (!choice) return "";
  return choice.action === "move" ? `move:${choice.to}` : choice.action;
}

function parseChoice(competencyId: string, value: string): TGoalChoice | null {
  if (value === "close" || value === "keep") return { competencyId, action: value };
  if (value.startsWith("move:")) return { competencyId, action: "move", to: value.slice("move:".length) };
  return null;
}

function counts(move: Move): string {
  const parts = [
    [move.ratings, "rating", "ratings"],
    [move.openGoals, "open goal", "open goals"],
    [move.closedGoals, "closed goal", "closed goals"],
    [move.evidence, "evidence entry", "evidence entries"],
    [move.planItems, "plan item", "plan items"],
  ] as const;
  const said = parts.filter(([n]) => n > 0).map(([n, one, many]) => `${n} ${n === 1 ? one : many}`);
  return said.length > 0 ? said.join(", ") : "nothing refers to it";
}

/**
 * The dry run shown before publishing: each renamed, merged or removed competency with what refers to it,
 * what has no home in the new version, and a choice for the open goals of each removed competency.
 */
export function MigrationReport({
  framework,
  draftVersion,
  report,
  choices,
  onChoicesChange,
}: {
  framework: string;
  draftVersion: number;
  report: TFrameworkMigrationReport;
  choices: TGoalChoice[];
  onChoicesChange: (choices: TGoalChoice[]) => void;
}) {
  const draft = useFrameworkVersion(framework, draftVersion, report.unresolved.length > 0 || choices.length > 0);
  const competencies = draft.data?.document.competencies ?? [];
  const needsChoice = report.moves.filter((m) => m.kind === "remove" && m.openGoals > 0);
  const noHome = report.moves.filter((m) => m.to === null);
  const setChoice = (competencyId: string, value: string) => {
    const rest = choices.filter((c) => c.competencyId !== competencyId);
    const next = parseChoice(competencyId, value);
    onChoicesChange(next ? [...rest, next] : rest);
  };

  return (
    <section className="migration-report" aria-labelledby="migration-report-heading">
      <h3 id="migration-report-heading" className="subsection-title">
        What moves when you publish v{report.toVersion}
      </h3>
      {!report.carriesData ? (
        <p>Nobody’s ratings, goals, evidence or plans use this framework, so nothing moves.</p>
      ) : report.moves.length === 0 ? (
        <p>Every competency keeps its id: ratings, goals, evidence tags and plan items stay where they are.</p>
      ) : (
        <>
          <p>
            Ratings, development goals, evidence tags and career-plan items follow each competency to its new home, all
            in one step: if anything fails, nothing changes.
          </p>
          <div className="table-card">
            <table className="data-table">
              <caption className="visually-hidden">Where each changed competency’s data goes</caption>
              <thead>
                <tr>
                  <th scope="col">v{report.fromVersion} competency</th>
                  <th scope="col">Change</th>
                  <th scope="col">In v{report.toVersion}</th>
                  <th scope="col">What moves</th>
                </tr>
              </thead>
              <tbody>
                {report.moves.map((move) => (
                  <tr key={move.from}>
                    <th scope="row">{move.fromName}</th>
                    <td>{KIND_LABELS[move.kind]}</td>
                    <td>{move.toName ?? "No home"}</td>
                    <td>{counts(move)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {noHome.length > 0 && (
            <p>
              <strong>No home in v{report.toVersion}:</strong> {noHome.map((m) => m.fromName).join(", ")}. Their ratings
              stay in each assessment’s record of the original, their evidence and plan tags are removed, and closed
              goals keep the old name.
            </p>
          )}
        </>
      )}
      {needsChoice.map((move) => (
        <FormField
          key={move.from}
          label={`Open goals on ${move.fromName} (${move.openGoals})`}
          hint="The competency is removed. Move the goals to another competency, close them, or keep them as legacy goals."
          error={
            report.unresolved.some((u) => u.competencyId === move.from) ? "Choose what happens to them" : undefined
          }
        >
          {(control) => (
            <select
              {...control}
              className="select"
              value={choiceValue(choices.find((c) => c.competencyId === move.from))}
              onChange={(event) => setChoice(move.from, event.target.value)}
            >
              <option value="">Choose…</option>
              {competencies.map((c) => (
                <option key={c.id} value={`move:${c.id}`}>
                  Move them to {c.name}
                </option>
              ))}
              <option value="close">Close them</option>
              <option value="keep">Keep them as legacy goals</option>
            </select>
          )}
        </FormField>
      ))}
      {report.planTargets.unplaced > 0 && (
        <p>
          {report.planTargets.unplaced} career plan(s) aim at a removed level with no fallback; their target is cleared.
        </p>
      )}
    </section>
  );
}
