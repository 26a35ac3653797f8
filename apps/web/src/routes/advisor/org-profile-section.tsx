import type { TOrgProfile } from "@ascent/contract";
import { useState, type FormEvent } from "react";
import { useOrgProfile, useSetOrgProfile } from "../../api/advisor-queries.ts";
import { describeError } from "../../ui/describe-error.ts";
import { ErrorState } from "../../ui/error-state.tsx";
import { fieldErrorsOf } from "../../ui/field-errors.ts";
import { FormField } from "../../ui/form-field.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";

const STAGES: { value: TOrgProfile["stage"]; label: string }[] = [
  { value: "startup", label: "Start-up" },
  { value: "medium", label: "Medium-sized company" },
  { value: "large", label: "Large product organisation" },
];

const REPORTS_TO: TOrgProfile["productReportsTo"][] = ["CEO", "Engineering", "Marketing", "CPO"];
const MODELS: { value: TOrgProfile["businessModel"]; label: string }[] = [
  { value: "B2B", label: "B2B: selling to businesses" },
  { value: "B2C", label: "B2C: selling to consumers" },
];

/** The organisation's shape, which the advisor reads: admins describe it, everyone else reads it. */
export function OrgProfileSection({ isAdmin }: { isAdmin: boolean }) {
  const profile = useOrgProfile();
  return (
    <section className="section advisor-section" aria-labelledby="org-profile-heading">
      <h2 id="org-profile-heading">Your organisation</h2>
      <p className="section__lead">
        {isAdmin
          ? "Describe what the org chart cannot show: the company’s stage and business model. Where the chart " +
            "shows the number of product managers or whom product reports to, the advice uses the chart and says " +
            "where this profile disagrees."
          : "Administrators describe the company’s stage and business model; the number of product managers and " +
            "whom product reports to come from the org chart wherever it shows them."}
      </p>
      {profile.isPending ? (
        <LoadingState label="Loading the organisation’s profile…" />
      ) : profile.isError ? (
        <ErrorState
          title="The organisation’s profile could not be loaded"
          error={profile.error}
          onRetry={() => void profile.refetch()}
          isRetrying={profile.isFetching}
        />
      ) : isAdmin ? (
        <OrgProfileForm initial={profile.data.profile} />
      ) : profile.data.profile ? (
        <dl className="fact-list">
          <div>
            <dt>Stage</dt>
            <dd>{STAGES.find((s) => s.value === profile.data.profile?.stage)?.label}</dd>
          </div>
          <div>
            <dt>Product managers</dt>
            <dd>{profile.data.profile.pmCount}</dd>
          </div>
          <div>
            <dt>Product reports to</dt>
            <dd>{profile.data.profile.productReportsTo}</dd>
          </div>
          <div>
            <dt>Business model</dt>
            <dd>{profile.data.profile.businessModel}</dd>
          </div>
        </dl>
      ) : (
        <div className="callout">
          <p>Not described yet. Ask an administrator to fill in the organisation’s profile on this page.</p>
        </div>
      )}
    </section>
  );
}

function OrgProfileForm({ initial }: { initial: TOrgProfile | null }) {
  const save = useSetOrgProfile();
  const [stage, setStage] = useState<TOrgProfile["stage"] | "">(initial?.stage ?? "");
  const [pmCount, setPmCount] = useState(initial ? String(initial.pmCount) : "");
  const [reportsTo, setReportsTo] = useState<TOrgProfile["productReportsTo"] | "">(initial?.productReportsTo ?? "");
  const [model, setModel] = useState<TOrgProfile["businessModel"] | "">(initial?.businessModel ?? "");
  const [missing, setMissing] = useState<Record<string, string>>({});
  const errors = { ...fieldErrorsOf(save.error), ...missing };

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!stage) problems.stage = "Choose the stage.";
    if (pmCount.trim() === "") problems.pmCount = "Enter how many product managers there are.";
    if (!reportsTo) problems.productReportsTo = "Choose whom product reports to.";
    if (!model) problems.businessModel = "Choose the business model.";
    setMissing(problems);
    if (Object.keys(problems).length > 0 || !stage || !reportsTo || !model) return;
    save.mutate({ stage, pmCount: Number(pmCount), productReportsTo: reportsTo, businessModel: model });
  }

  return (
    <form className="card form-stack" onSubmit={submit} noValidate aria-labelledby="org-profile-heading">
      <div className="form-row">
        <FormField label="Stage" error={errors.stage}>
          {(control) => (
            <select
              {...control}
              className="select"
              value={stage}
              onChange={(event) => setStage(event.target.value as TOrgProfile["stage"])}
            >
              <option value="">Choose…</option>
              {STAGES.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label="Number of product managers" error={errors.pmCount}>
          {(control) => (
            <input
              {...control}
              className="input"
              type="number"
              min={0}
              step={1}
              value={pmCount}
              onChange={(event) => setPmCount(event.target.value)}
            />
          )}
        </FormField>
        <FormField label="Product reports to" error={errors.productReportsTo}>
          {(control) => (
            <select
              {...control}
              className="select"
              value={reportsTo}
              onChange={(event) => setReportsTo(event.target.value as TOrgProfile["productReportsTo"])}
            >
              <option value="">Choose…</option>
              {REPORTS_TO.map((value) => (
                <option key={value} value={value}>
                  {value}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label="Business model" error={errors.businessModel}>
          {(control) => (
            <select
              {...control}
              className="select"
              value={model}
              onChange={(event) => setModel(event.target.value as TOrgProfile["businessModel"])}
            >
              <option value="">Choose…</option>
              {MODELS.map((m) => (
                <option key={m.value} value={m.value}>
                  {m.label}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      {save.isError && Object.keys(fieldErrorsOf(save.error)).length === 0 && (
        <p role="alert" className="form-error">
          {describeError(save.error)}
        </p>
      )}
      <div className="actions actions--end">
        <p role="status" className="muted">
          {save.isSuccess ? "Saved. The paths above now follow this profile." : ""}
        </p>
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save profile"}
        </button>
      </div>
    </form>
  );
}
