import { LIMITS, type TReadinessSettings } from "@ascent/contract";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { Link } from "react-router";
import { useReadinessSettings, useUpdateReadinessSettings } from "../../api/assessment-queries.ts";
import { describeError } from "../../ui/describe-error.ts";
import { ErrorState } from "../../ui/error-state.tsx";
import { fieldErrorsOf } from "../../ui/field-errors.ts";
import { FormField } from "../../ui/form-field.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import "./readiness-settings.css";

type Relation = keyof TReadinessSettings["weights"];

const RELATIONS: { id: Relation; label: string; hint: string }[] = [
  { id: "manager", label: "Manager", hint: "The manager's own ratings." },
  { id: "peer", label: "Peers", hint: "The released peer aggregate, only with at least k raters." },
  { id: "upward", label: "Reports (upward)", hint: "The released upward aggregate, only with at least k raters." },
  { id: "self", label: "Self", hint: "The person's own ratings." },
];

/** The readiness rule's organisation settings (DESIGN §4): relation weights, the anonymity threshold k and the leniency correction. */
export function ReadinessSettingsPage() {
  useDocumentTitle("Readiness settings");
  const settings = useReadinessSettings();
  return (
    <>
      <PageHeading
        lead={
          <p>
            How the readiness rule weighs each group of raters, how many peers or reports must answer before their
            aggregate shows, and whether manager ratings are corrected for leniency. A change recomputes everyone&apos;s
            readiness and is written to the <Link to="/audit">audit log</Link>.
          </p>
        }
      >
        Readiness settings
      </PageHeading>
      {settings.isPending && <LoadingState label="Loading the readiness settings…" />}
      {settings.isError && (
        <ErrorState
          title="The readiness settings could not be loaded"
          error={settings.error}
          onRetry={() => void settings.refetch()}
          isRetrying={settings.isFetching}
        />
      )}
      {settings.data && <SettingsForm initial={settings.data} />}
    </>
  );
}

function SettingsForm({ initial }: { initial: TReadinessSettings }) {
  const update = useUpdateReadinessSettings();
  const correctionId = useId();
  const [weights, setWeights] = useState<Record<Relation, string>>({
    manager: String(initial.weights.manager),
    peer: String(initial.weights.peer),
    upward: String(initial.weights.upward),
    self: String(initial.weights.self),
  });
  const [k, setK] = useState(String(initial.k));
  const [isCorrected, setIsCorrected] = useState(initial.correctManagerLeniency);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const form = useRef<HTMLFormElement>(null);
  // Counts refused submits: after each, once React has marked the fields, the first one takes focus.
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (refusals > 0) form.current?.querySelector<HTMLInputElement>("[aria-invalid='true']")?.focus();
  }, [refusals]);
  const serverErrors = fieldErrorsOf(update.error);

  function check(): Record<string, string> {
    const found: Record<string, string> = {};
    for (const relation of RELATIONS) {
      const weight = Number(weights[relation.id]);
      if (weights[relation.id].trim() === "" || !Number.isFinite(weight) || weight < 0 || weight > LIMITS.percent) {
        found[`weights.${relation.id}`] = `Enter a number from 0 to ${LIMITS.percent}.`;
      }
    }
    if (Object.keys(found).length === 0 && RELATIONS.every((relation) => Number(weights[relation.id]) === 0)) {
      found["weights.manager"] = "At least one weight must be above 0.";
    }
    const threshold = Number(k);
    if (!Number.isInteger(threshold) || threshold < initial.minimumK || threshold > LIMITS.anonymityK.max) {
      found.k = `Enter a whole number from ${initial.minimumK} to ${LIMITS.anonymityK.max}.`;
    }
    return found;
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = check();
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setRefusals((count) => count + 1);
      return;
    }
    update.mutate({
      weights: {
        manager: Number(weights.manager),
        peer: Number(weights.peer),
        upward: Number(weights.upward),
        self: Number(weights.self),
      },
      k: Number(k),
      correctManagerLeniency: isCorrected,
    });
  }

  return (
    <form ref={form} className="form-stack" noValidate onSubmit={handleSubmit}>
      {update.isError && (
        <div role="alert" className="callout callout--error">
          <p>{describeError(update.error)}</p>
        </div>
      )}
      {update.isSuccess && (
        <p role="status" className="callout callout--success">
          Saved. Everyone&apos;s readiness now follows these settings.
        </p>
      )}
      <section className="section card" aria-labelledby="weights-heading">
        <h2 id="weights-heading">Relation weights</h2>
        <p className="section__lead">
          Each group&apos;s mean counts in proportion to its weight, among the groups that rated. A weight of 0 leaves
          the group out.
        </p>
        <div className="weights-grid">
          {RELATIONS.map((relation) => (
            <FormField
              key={relation.id}
              label={relation.label}
              hint={relation.hint}
              error={errors[`weights.${relation.id}`] ?? serverErrors[`weights.${relation.id}`] ?? serverErrors.weights}
            >
              {(control) => (
                <input
                  {...control}
                  className="input"
                  type="number"
                  min={0}
                  max={LIMITS.percent}
                  step="any"
                  value={weights[relation.id]}
                  onChange={(event) => setWeights({ ...weights, [relation.id]: event.target.value })}
                />
              )}
            </FormField>
          ))}
        </div>
      </section>
      <section className="section card anonymity-k" aria-labelledby="k-heading">
        <h2 id="k-heading">Anonymity threshold</h2>
        <FormField
          label="Raters needed before a peer or upward aggregate shows (k)"
          hint={`At least ${initial.minimumK}. Lowering it never reveals an answer released under a higher k.`}
          error={errors.k ?? serverErrors.k}
        >
          {(control) => (
            <input
              {...control}
              className="input"
              type="number"
              min={LIMITS.anonymityK.min}
              max={LIMITS.anonymityK.max}
              step={1}
              value={k}
              onChange={(event) => setK(event.target.value)}
            />
          )}
        </FormField>
      </section>
      <section className="section card" aria-labelledby="correction-heading">
        <h2 id="correction-heading">Manager leniency</h2>
        <p className="section__lead">
          Each released review cycle estimates how much more generously or strictly each manager rates than the
          organisation&apos;s common ground. With the correction on, readiness takes that estimate off the
          manager&apos;s ratings and says so wherever readiness is explained. Managers whose leniency could not be
          estimated are left as rated.
        </p>
        <div className="checkbox">
          <input
            id={correctionId}
            type="checkbox"
            checked={isCorrected}
            onChange={(event) => setIsCorrected(event.target.checked)}
          />
          <label htmlFor={correctionId}>Correct manager ratings for leniency</label>
        </div>
      </section>
      <div>
        <button type="submit" className="button" disabled={update.isPending}>
          {update.isPending ? "Saving and recomputing…" : "Save settings"}
        </button>
      </div>
    </form>
  );
}
