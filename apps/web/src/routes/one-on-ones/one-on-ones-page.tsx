import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { useCounterparts, useCreateOneOnOne, useOneOnOnes, type Counterpart } from "../../api/one-on-one-queries.ts";
import { useSignedIn } from "../../api/session.ts";
import { Breadcrumb } from "../../ui/breadcrumb.tsx";
import { describeError } from "../../ui/describe-error.ts";
import { EmptyState } from "../../ui/empty-state.tsx";
import { ErrorState } from "../../ui/error-state.tsx";
import { fieldErrorsOf } from "../../ui/field-errors.ts";
import { FormField } from "../../ui/form-field.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import { defaultMeetingTime, formatDateTime, localInputToIso } from "./date-time.ts";
import "../../ui/growth-controls.css";
import "./one-on-ones.css";

function describeCounterpart(person: Counterpart): string {
  return person.relation === "manager" ? `${person.name} (your manager)` : `${person.name} (reports to you)`;
}

export function OneOnOnesPage() {
  useDocumentTitle("1:1s");
  const session = useSignedIn();
  const counterparts = useCounterparts(session.person.id);
  const [withId, setWithId] = useState("");
  const list = useOneOnOnes(withId || null);

  let listContent;
  if (list.isPending) listContent = <LoadingState label="Loading your 1:1s…" />;
  else if (list.isError)
    listContent = (
      <ErrorState
        title="Your 1:1s could not be loaded"
        error={list.error}
        onRetry={() => void list.refetch()}
        isRetrying={list.isFetching}
      />
    );
  else if (list.data.oneOnOnes.length === 0)
    listContent = (
      <EmptyState title={withId ? "No 1:1s with this person yet" : "No 1:1s yet"}>
        <p>Schedule one above: the agenda is drawn up from the collaboration playbook of your two levels.</p>
      </EmptyState>
    );
  else
    listContent = (
      <div className="table-card">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">With</th>
              <th scope="col">When</th>
              <th scope="col">Playbook</th>
              <th scope="col" className="numeric">
                Open action items
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.oneOnOnes.map((meeting) => {
              const other = meeting.viewerSide === "lead" ? meeting.report : meeting.lead;
              return (
                <tr key={meeting.id}>
                  <th scope="row">
                    <Link to={`/one-on-ones/${meeting.id}`} className="strong-link">
                      {other.name}
                    </Link>
                    <span className="cell-note">
                      {meeting.viewerSide === "lead" ? "Reports to you" : "Your manager"}
                    </span>
                  </th>
                  <td data-label="When">{formatDateTime(meeting.scheduledAt)}</td>
                  <td data-label="Playbook">{meeting.playbookName ?? "No playbook"}</td>
                  <td data-label="Open action items" className="numeric">
                    {meeting.openActionItemCount}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    );

  return (
    <>
      <PageHeading
        eyebrow={<Breadcrumb trail={[{ to: "/career", label: "Career" }]} current="1:1s" />}
        lead={
          <p>
            1:1s with your manager and your direct reports. Each agenda follows the playbook for your two levels: seven
            aspects of working together, what each side brings and questions to talk through. Notes you share are seen
            by the two of you only; private notes by you alone.
          </p>
        }
      >
        1:1s
      </PageHeading>
      <ScheduleSection counterparts={counterparts} />
      <section className="section" aria-labelledby="one-on-one-list-heading">
        <div className="section-header">
          <h2 id="one-on-one-list-heading">Your 1:1s</h2>
          {counterparts.data && counterparts.data.length > 1 && (
            <FormField label="Show 1:1s with">
              {(control) => (
                <select
                  {...control}
                  className="select"
                  value={withId}
                  onChange={(event) => setWithId(event.target.value)}
                >
                  <option value="">Everyone</option>
                  {counterparts.data.map((person) => (
                    <option key={person.id} value={person.id}>
                      {describeCounterpart(person)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
          )}
        </div>
        {listContent}
      </section>
    </>
  );
}

function ScheduleSection({ counterparts }: { counterparts: ReturnType<typeof useCounterparts> }) {
  const navigate = useNavigate();
  const create = useCreateOneOnOne();
  const [withPersonId, setWithPersonId] = useState("");
  const [when, setWhen] = useState(defaultMeetingTime);
  const [localError, setLocalError] = useState<Record<string, string>>({});
  const errors = { ...fieldErrorsOf(create.error), ...localError };

  function submit(event: FormEvent) {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!withPersonId) missing.withPersonId = "Choose who the 1:1 is with.";
    const scheduledAt = localInputToIso(when);
    if (!scheduledAt) missing.scheduledAt = "Enter a date and time.";
    setLocalError(missing);
    if (Object.keys(missing).length > 0 || !scheduledAt) return;
    create.mutate(
      { withPersonId, scheduledAt },
      { onSuccess: (created) => void navigate(`/one-on-ones/${created.id}`) },
    );
  }

  return (
    <section className="card" aria-labelledby="schedule-heading">
      <h2 id="schedule-heading" className="card__title">
        Schedule a 1:1
      </h2>
      {counterparts.isPending ? (
        <LoadingState label="Loading your manager and reports…" />
      ) : counterparts.isError ? (
        <ErrorState
          title="Your manager and reports could not be loaded"
          error={counterparts.error}
          onRetry={() => void counterparts.refetch()}
          isRetrying={counterparts.isFetching}
        />
      ) : counterparts.data.length === 0 ? (
        <EmptyState title="Nobody to meet yet">
          <p>
            1:1s are between a manager and a direct report, and Ascent does not know your manager or any reports yet.
            Ask an administrator to set your manager on the People page.
          </p>
        </EmptyState>
      ) : (
        <form className="schedule-form" onSubmit={submit} noValidate>
          <FormField label="With" error={errors.withPersonId}>
            {(control) => (
              <select
                {...control}
                className="select"
                value={withPersonId}
                onChange={(event) => setWithPersonId(event.target.value)}
              >
                <option value="">Choose a person…</option>
                {counterparts.data.map((person) => (
                  <option key={person.id} value={person.id}>
                    {describeCounterpart(person)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label="When" hint="In your own time zone." error={errors.scheduledAt}>
            {(control) => (
              <input
                {...control}
                className="input"
                type="datetime-local"
                value={when}
                onChange={(event) => setWhen(event.target.value)}
              />
            )}
          </FormField>
          <div className="schedule-form__submit">
            <button type="submit" className="button" disabled={create.isPending}>
              {create.isPending ? "Scheduling…" : "Schedule and open the agenda"}
            </button>
          </div>
          {create.isError && Object.keys(fieldErrorsOf(create.error)).length === 0 && (
            <p role="alert" className="form-error schedule-form__error">
              {describeError(create.error)}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
