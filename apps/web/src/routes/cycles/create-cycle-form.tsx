import { LIMITS, type TCreateCycleBody, type TPopulationFilter } from "@ascent/contract";
import { useState, type FormEvent } from "react";
import { useCreateCycle, usePopulationPreview } from "../../api/cycle-queries.ts";
import { describeError, fieldErrors } from "../../ui/describe-error.ts";
import { FormField } from "../../ui/form-field.tsx";
import { TextField } from "../../ui/text-field.tsx";
import { PHASE_LABELS } from "./cycle-labels.ts";
import "./cycle-admin.css";

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

/**
 * The suggested nomination range. The minimum matches the default anonymity threshold (k = 3): with fewer
 * answers a person's peer aggregate stays hidden, so a lower minimum mostly produces invisible feedback.
 */
const SUGGESTED_NOMINATIONS = { min: "3", max: "8" };

const listOf = (text: string) =>
  text
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);

type FormErrors = Partial<Record<"name" | "nominationsMin" | "nominationsMax", string>>;

/** A whole number within the contract's limit, or the reason it is not one. */
function parseNominations(text: string): number | string {
  if (!/^\d+$/.test(text.trim())) return `Enter a whole number from 0 to ${LIMITS.cycleNominationsMax}.`;
  const value = Number(text);
  if (value > LIMITS.cycleNominationsMax) return `At most ${LIMITS.cycleNominationsMax} per person.`;
  return value;
}

function validate(name: string, min: string, max: string): { errors: FormErrors; min?: number; max?: number } {
  const errors: FormErrors = {};
  if (!name.trim()) errors.name = "Give the cycle a name.";
  const low = parseNominations(min);
  const high = parseNominations(max);
  if (typeof low === "string") errors.nominationsMin = low;
  if (typeof high === "string") errors.nominationsMax = high;
  if (typeof low === "number" && typeof high === "number") {
    if (low > high) errors.nominationsMin = `The minimum is above the maximum (${high}).`;
    return { errors, min: low, max: high };
  }
  return { errors };
}

export function CreateCycleForm() {
  const [name, setName] = useState("");
  const [teams, setTeams] = useState("");
  const [levels, setLevels] = useState("");
  const [nominationsMin, setNominationsMin] = useState(SUGGESTED_NOMINATIONS.min);
  const [nominationsMax, setNominationsMax] = useState(SUGGESTED_NOMINATIONS.max);
  const [phases, setPhases] = useState<PhaseDates>(defaultPhases);
  const [errors, setErrors] = useState<FormErrors>({});
  const preview = usePopulationPreview();
  const create = useCreateCycle();
  const serverErrors = fieldErrors(create.error);

  const population = (): TPopulationFilter => ({
    ...(listOf(teams).length ? { teams: listOf(teams) } : {}),
    ...(listOf(levels).length ? { levels: listOf(levels) } : {}),
  });
  const body = (min: number, max: number): TCreateCycleBody => ({
    name,
    population: population(),
    phases: PHASES.map((kind) => ({
      kind,
      opensAt: new Date(`${phases[kind].opensAt}T00:00:00Z`).toISOString(),
      dueAt: new Date(`${phases[kind].dueAt}T23:59:00Z`).toISOString(),
    })),
    nominationsMin: min,
    nominationsMax: max,
  });
  const setDate = (kind: PhaseKind, field: "opensAt" | "dueAt", value: string) =>
    setPhases((current) => ({ ...current, [kind]: { ...current[kind], [field]: value } }));

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = validate(name, nominationsMin, nominationsMax);
    setErrors(checked.errors);
    if (Object.keys(checked.errors).length > 0 || checked.min === undefined || checked.max === undefined) {
      create.reset();
      return;
    }
    create.mutate(body(checked.min, checked.max), {
      onSuccess: () => {
        setName("");
        preview.reset();
      },
    });
  }

  const dateInput = (kind: PhaseKind, field: "opensAt" | "dueAt") => (
    <label className="create-cycle__date">
      <span className="visually-hidden">
        {PHASE_LABELS[kind]} {field === "opensAt" ? "opens" : "due"}
      </span>
      <input
        className="input"
        type="date"
        value={phases[kind][field]}
        onChange={(event) => setDate(kind, field, event.target.value)}
      />
    </label>
  );

  return (
    <section aria-labelledby="new-cycle-heading" className="table-card create-cycle">
      <h2 id="new-cycle-heading">New cycle</h2>
      <form onSubmit={handleSubmit} noValidate className="create-cycle__form">
        <div className="create-cycle__column">
          <TextField
            label="Name"
            value={name}
            onChange={setName}
            maxLength={LIMITS.shortText}
            error={errors.name ?? serverErrors.name}
          />
          <fieldset className="create-cycle__group">
            <legend>Who takes part</legend>
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
            <p>
              <button type="button" className="button button--secondary" onClick={() => preview.mutate(population())}>
                Preview who is in
              </button>
            </p>
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
            </div>
          </fieldset>
          <fieldset className="create-cycle__group">
            <legend>Peer and upward nominations per person</legend>
            <p className="form-field__hint">
              Each person proposes raters within this range and their manager approves. Peer answers show only when at
              least k people answer (the anonymity threshold), so a minimum below k leaves results hidden.
            </p>
            <div className="create-cycle__pair">
              <FormField label="Minimum" error={errors.nominationsMin ?? serverErrors.nominationsMin}>
                {(control) => (
                  <input
                    {...control}
                    className="input"
                    type="number"
                    inputMode="numeric"
                    min={0}
                    max={LIMITS.cycleNominationsMax}
                    value={nominationsMin}
                    onChange={(event) => setNominationsMin(event.target.value)}
                  />
                )}
              </FormField>
              <FormField label="Maximum" error={errors.nominationsMax ?? serverErrors.nominationsMax}>
                {(control) => (
                  <input
                    {...control}
                    className="input"
                    type="number"
                    inputMode="numeric"
                    min={0}
                    max={LIMITS.cycleNominationsMax}
                    value={nominationsMax}
                    onChange={(event) => setNominationsMax(event.target.value)}
                  />
                )}
              </FormField>
            </div>
          </fieldset>
        </div>
        <div className="create-cycle__column">
          <table className="data-table create-cycle__phases">
            <caption>Phases and deadlines</caption>
            <thead>
              <tr>
                <th scope="col">Phase</th>
                <th scope="col">Opens</th>
                <th scope="col">Due</th>
              </tr>
            </thead>
            <tbody>
              {PHASES.map((kind) => (
                <tr key={kind}>
                  <th scope="row">{PHASE_LABELS[kind]}</th>
                  <td data-label="Opens">{dateInput(kind, "opensAt")}</td>
                  <td data-label="Due">{dateInput(kind, "dueAt")}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="form-field__hint">Phases may overlap. Each is due at the end of its last day (UTC).</p>
        </div>
        <div className="create-cycle__actions">
          <button type="submit" className="button" disabled={create.isPending}>
            {create.isPending ? "Creating…" : "Create cycle"}
          </button>
          <div aria-live="polite">
            {create.isError && <p role="alert">{describeError(create.error)}</p>}
            {create.isSuccess && (
              <p>
                Created “{create.data.name}”. Each person nominates {create.data.nominationsMin} to{" "}
                {create.data.nominationsMax} peer or upward raters.
              </p>
            )}
          </div>
        </div>
      </form>
    </section>
  );
}
