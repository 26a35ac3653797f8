import { LIMITS, type TCreateCycleBody, type TPopulationFilter } from "@ascent/contract";
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { useCreateCycle, useCycles, usePopulationPreview } from "../../api/cycle-queries.ts";
import { useViewer } from "../../api/people-queries.ts";
import { describeError } from "../../ui/describe-error.ts";
import { ErrorState } from "../../ui/error-state.tsx";
import { FormField } from "../../ui/form-field.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { TextField } from "../../ui/text-field.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import { AdminOnly } from "../people/admin-only.tsx";
import "../people/people.css";
import { formatDay, PHASE_LABELS } from "./cycle-labels.ts";

const PHASES = ["self", "nomination", "manager", "calibration", "release"] as const;
type PhaseKind = (typeof PHASES)[number];
type PhaseDates = Record<PhaseKind, { opensAt: string; dueAt: string }>;

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const inDays = (days: number) => isoDay(new Date(Date.now() + days * 86_400_000));

/** A sensible default schedule from today: two weeks each for self and nominations, then the rest. */
function defaultPhases(): PhaseDates {
  return {
    self: { opensAt: inDays(0), dueAt: inDays(14) },
    nomination: { opensAt: inDays(0), dueAt: inDays(14) },
    manager: { opensAt: inDays(7), dueAt: inDays(28) },
    calibration: { opensAt: inDays(28), dueAt: inDays(35) },
    release: { opensAt: inDays(35), dueAt: inDays(42) },
  };
}

const listOf = (text: string) =>
  text
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);

function CreateCycleForm() {
  const [name, setName] = useState("");
  const [teams, setTeams] = useState("");
  const [levels, setLevels] = useState("");
  const [phases, setPhases] = useState<PhaseDates>(defaultPhases);
  const preview = usePopulationPreview();
  const create = useCreateCycle();

  const population = (): TPopulationFilter => ({
    ...(listOf(teams).length ? { teams: listOf(teams) } : {}),
    ...(listOf(levels).length ? { levels: listOf(levels) } : {}),
  });
  const body = (): TCreateCycleBody => ({
    name,
    population: population(),
    phases: PHASES.map((kind) => ({
      kind,
      opensAt: new Date(`${phases[kind].opensAt}T00:00:00Z`).toISOString(),
      dueAt: new Date(`${phases[kind].dueAt}T23:59:00Z`).toISOString(),
    })),
  });
  const setDate = (kind: PhaseKind, field: "opensAt" | "dueAt", value: string) =>
    setPhases((current) => ({ ...current, [kind]: { ...current[kind], [field]: value } }));

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    create.mutate(body(), {
      onSuccess: () => {
        setName("");
        preview.reset();
      },
    });
  }

  return (
    <section aria-labelledby="new-cycle-heading" className="table-card">
      <h2 id="new-cycle-heading">New cycle</h2>
      <form onSubmit={handleSubmit} noValidate>
        <TextField label="Name" value={name} onChange={setName} maxLength={LIMITS.shortText} />
        <TextField
          label="Teams"
          hint="Comma-separated; leave empty for every team"
          value={teams}
          onChange={setTeams}
          isOptional
        />
        <TextField
          label="Levels"
          hint="Comma-separated level ids, such as pm, senior-pm; leave empty for every level"
          value={levels}
          onChange={setLevels}
          isOptional
        />
        <fieldset className="picker">
          <legend>Phases and deadlines</legend>
          {PHASES.map((kind) => (
            <div key={kind} className="filters">
              <FormField label={`${PHASE_LABELS[kind]} opens`}>
                {(control) => (
                  <input
                    {...control}
                    className="input"
                    type="date"
                    value={phases[kind].opensAt}
                    onChange={(event) => setDate(kind, "opensAt", event.target.value)}
                  />
                )}
              </FormField>
              <FormField label={`${PHASE_LABELS[kind]} due`}>
                {(control) => (
                  <input
                    {...control}
                    className="input"
                    type="date"
                    value={phases[kind].dueAt}
                    onChange={(event) => setDate(kind, "dueAt", event.target.value)}
                  />
                )}
              </FormField>
            </div>
          ))}
        </fieldset>
        <p className="row-actions">
          <button type="button" className="button button--secondary" onClick={() => preview.mutate(population())}>
            Preview who is in
          </button>
          <button type="submit" className="button" disabled={create.isPending}>
            {create.isPending ? "Creating…" : "Create cycle"}
          </button>
        </p>
      </form>
      <div aria-live="polite">
        {preview.data && (
          <p className="result-summary">
            {preview.data.total === 1 ? "1 person" : `${preview.data.total} people`} in this cycle
            {preview.data.total > 0 &&
              `: ${preview.data.people
                .slice(0, 10)
                .map((p) => p.name)
                .join(", ")}${preview.data.total > 10 ? "…" : ""}`}
          </p>
        )}
        {preview.isError && <p role="alert">{describeError(preview.error)}</p>}
        {create.isError && <p role="alert">{describeError(create.error)}</p>}
        {create.isSuccess && <p>Created “{create.data.name}”.</p>}
      </div>
    </section>
  );
}

function CyclesTable() {
  const cycles = useCycles();
  if (cycles.isPending) return <LoadingState label="Loading cycles…" />;
  if (cycles.isError) {
    return (
      <ErrorState
        title="The cycles could not be loaded"
        error={cycles.error}
        onRetry={() => void cycles.refetch()}
        isRetrying={cycles.isFetching}
      />
    );
  }
  if (cycles.data.cycles.length === 0) return <p>No review cycles yet. Create the first one below.</p>;
  return (
    <div className="table-card table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">Review cycles, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Cycle</th>
            <th scope="col">Status</th>
            <th scope="col">Starts</th>
            <th scope="col">Ends</th>
          </tr>
        </thead>
        <tbody>
          {cycles.data.cycles.map((cycle) => (
            <tr key={cycle.id}>
              <th scope="row" data-label="Cycle">
                <Link to={`/cycles/${cycle.id}`}>{cycle.name}</Link>
              </th>
              <td data-label="Status">{cycle.status}</td>
              <td data-label="Starts">{formatDay(cycle.startsAt)}</td>
              <td data-label="Ends">{formatDay(cycle.endsAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function CyclesPage() {
  useDocumentTitle("Review cycles");
  const viewer = useViewer();
  return (
    <>
      <PageHeading
        lead={
          <p>
            A review cycle is one round of reviews: who takes part, the phases and their deadlines, and who has
            finished. <Link to="/tasks">My tasks</Link> lists what is yours to do.
          </p>
        }
      >
        Review cycles
      </PageHeading>
      {viewer.isAdmin ? (
        <>
          <CyclesTable />
          <CreateCycleForm />
        </>
      ) : (
        <AdminOnly what="Running review cycles" />
      )}
    </>
  );
}
