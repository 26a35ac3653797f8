import type { TPromotionCaseView, TPromotionPacket } from "@ascent/contract";
import { LIMITS } from "@ascent/contract";
import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";
import {
  packetDownloadPath,
  useComment,
  useDecide,
  usePromotionCase,
  usePromotionCommittees,
  usePromotionPacket,
  useSubmitCase,
  useVote,
  useWriteCase,
} from "../../api/promotion-queries.ts";
import { useViewer } from "../../api/people-queries.ts";
import { Badge } from "../../ui/badge.tsx";
import { ConfirmDialog } from "../../ui/confirm-dialog.tsx";
import { describeError } from "../../ui/describe-error.ts";
import { ErrorState } from "../../ui/error-state.tsx";
import { FormField } from "../../ui/form-field.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { TextField } from "../../ui/text-field.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import "./promotions.css";

const STATUS_LABEL = { draft: "Draft", submitted: "Submitted", "in-review": "In review", decided: "Decided" } as const;
const OUTCOME_LABEL = { approved: "Approved", deferred: "Deferred", declined: "Declined" } as const;

type Group = TPromotionPacket["competencies"][number]["groups"]["manager"];

function formatGroup(group: Group): string {
  if (group === null) return "—";
  if ("hidden" in group) return "Not shown";
  return `${group.mean.toFixed(2)} (${group.count})`;
}

function PacketView({ packet, caseId, isDraft }: { packet: TPromotionPacket; caseId: string; isDraft: boolean }) {
  return (
    <section className="section" aria-labelledby="packet-heading">
      <h2 id="packet-heading">{isDraft ? "Packet preview" : "Packet"}</h2>
      <p className="section__lead">
        Readiness for {packet.toLevel.name}: <strong>{Math.round(packet.readiness.score * 100)}%</strong> (
        {packet.readiness.verdict}),{" "}
        {isDraft ? "as of now; it is frozen on submission" : `frozen on ${packet.assembledAt.slice(0, 10)}`}. Peer and
        report groups show only with at least {packet.readiness.k} raters; no individual answer is ever shown.
      </p>
      <p>
        <a className="button button--secondary" href={packetDownloadPath(caseId, "pdf")} download>
          Download PDF
        </a>{" "}
        <a className="button button--secondary" href={packetDownloadPath(caseId, "md")} download>
          Download Markdown
        </a>
      </p>
      <div className="table-card table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">Readiness for {packet.toLevel.name} by competency</caption>
          <thead>
            <tr>
              <th scope="col">Competency</th>
              <th scope="col" className="numeric">
                Expected
              </th>
              <th scope="col" className="numeric">
                Observed
              </th>
              <th scope="col">Status</th>
              <th scope="col">Manager</th>
              <th scope="col">Peers</th>
              <th scope="col">Reports</th>
            </tr>
          </thead>
          <tbody>
            {packet.competencies.map((c) => (
              <tr key={c.competencyId}>
                <th scope="row">{c.name}</th>
                <td className="numeric">{c.expected}</td>
                <td className="numeric">{c.observed === null ? "—" : c.observed.toFixed(2)}</td>
                <td>{c.isCorroborated ? c.status : `${c.status}, uncorroborated`}</td>
                <td>{formatGroup(c.groups.manager)}</td>
                <td>{formatGroup(c.groups.peer)}</td>
                <td>{formatGroup(c.groups.upward)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The nominator's draft: one section per competency of the target level, then submission to a committee. */
function CaseEditor({ view, packet }: { view: TPromotionCaseView; packet: TPromotionPacket }) {
  const id = view.case.id;
  const write = useWriteCase(id);
  const submit = useSubmitCase(id);
  const committees = usePromotionCommittees();
  const [texts, setTexts] = useState(() =>
    Object.fromEntries(view.case.managerCase.map((s) => [s.competencyId, s.text])),
  );
  const [committeeId, setCommitteeId] = useState("");
  const [isConfirming, setIsConfirming] = useState(false);
  const names = new Map(packet.competencies.map((c) => [c.competencyId, c]));
  const save = (event: FormEvent) => {
    event.preventDefault();
    write.mutate(Object.entries(texts).map(([competencyId, text]) => ({ competencyId, text })));
  };
  return (
    <section className="section" aria-labelledby="case-heading">
      <h2 id="case-heading">Your case</h2>
      <p className="section__lead">
        Write what shows {view.case.person.name} works at the target level, competency by competency. Evidence they
        shared is listed under each.
      </p>
      <form className="promotion-form" onSubmit={save}>
        {view.case.managerCase.map((section) => {
          const competency = names.get(section.competencyId);
          return (
            <TextField
              key={section.competencyId}
              label={competency?.name ?? section.competencyId}
              hint={
                competency && competency.evidence.length > 0
                  ? `Evidence: ${competency.evidence.map((e) => e.title).join("; ")}`
                  : undefined
              }
              multiline
              rows={3}
              isOptional
              maxLength={LIMITS.longText}
              value={texts[section.competencyId] ?? ""}
              onChange={(text) => setTexts((before) => ({ ...before, [section.competencyId]: text }))}
            />
          );
        })}
        {write.error ? (
          <p role="alert" className="form-error">
            {describeError(write.error)}
          </p>
        ) : null}
        <div>
          <button type="submit" className="button button--secondary" disabled={write.isPending}>
            {write.isPending ? "Saving…" : "Save the case"}
          </button>
          {write.isSuccess && <span role="status"> Saved.</span>}
        </div>
      </form>
      <div className="promotion-form">
        <FormField label="Committee" hint="Members may not be the candidate or report to them.">
          {(control) => (
            <select
              {...control}
              className="select"
              value={committeeId}
              onChange={(event) => setCommitteeId(event.target.value)}
            >
              <option value="">Choose a committee</option>
              {(committees.data?.committees ?? []).map((committee) => (
                <option key={committee.id} value={committee.id}>
                  {committee.name} (chair: {committee.chair.name})
                </option>
              ))}
            </select>
          )}
        </FormField>
        <div>
          <button type="button" className="button" disabled={committeeId === ""} onClick={() => setIsConfirming(true)}>
            Submit to the committee
          </button>
        </div>
      </div>
      <ConfirmDialog
        isOpen={isConfirming}
        onClose={() => setIsConfirming(false)}
        title="Submit this case?"
        confirmLabel="Submit"
        busyLabel="Submitting…"
        tone="normal"
        isBusy={submit.isPending}
        error={submit.error}
        onConfirm={() =>
          write.mutate(
            Object.entries(texts).map(([competencyId, text]) => ({ competencyId, text })),
            { onSuccess: () => submit.mutate(committeeId, { onSuccess: () => setIsConfirming(false) }) },
          )
        }
      >
        The packet is frozen when it is submitted: its readiness numbers and your case can no longer change.
      </ConfirmDialog>
    </section>
  );
}

function Votes({ view }: { view: TPromotionCaseView }) {
  const vote = useVote(view.case.id);
  const [choice, setChoice] = useState<"approve" | "defer" | "decline">("approve");
  const [reason, setReason] = useState("");
  const canVote = view.roles.includes("committee") && ["submitted", "in-review"].includes(view.case.status);
  return (
    <section className="section" aria-labelledby="votes-heading">
      <h2 id="votes-heading">Committee votes</h2>
      {view.votes && view.votes.length === 0 && <p className="section__lead">No votes yet.</p>}
      {view.votes && view.votes.length > 0 && (
        <ul>
          {view.votes.map((v) => (
            <li key={v.member.id}>
              <strong>{v.member.name}</strong>: {v.vote}. {v.reason}
            </li>
          ))}
        </ul>
      )}
      {canVote && (
        <form
          className="promotion-form"
          onSubmit={(event) => {
            event.preventDefault();
            vote.mutate({ vote: choice, reason }, { onSuccess: () => setReason("") });
          }}
        >
          <FormField label="Your vote">
            {(control) => (
              <select
                {...control}
                className="select"
                value={choice}
                onChange={(event) => setChoice(event.target.value as typeof choice)}
              >
                <option value="approve">Approve</option>
                <option value="defer">Defer</option>
                <option value="decline">Decline</option>
              </select>
            )}
          </FormField>
          <TextField
            label="Reason for your vote"
            multiline
            value={reason}
            onChange={setReason}
            maxLength={LIMITS.longText}
          />
          {vote.error ? (
            <p role="alert" className="form-error">
              {describeError(vote.error)}
            </p>
          ) : null}
          <div>
            <button type="submit" className="button" disabled={vote.isPending || !reason.trim()}>
              Record my vote
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function Comments({ view }: { view: TPromotionCaseView }) {
  const comment = useComment(view.case.id);
  const [text, setText] = useState("");
  const canComment = view.roles.includes("committee") && ["submitted", "in-review"].includes(view.case.status);
  return (
    <section className="section" aria-labelledby="comments-heading">
      <h2 id="comments-heading">Committee discussion</h2>
      {view.comments && view.comments.length === 0 && <p className="section__lead">No comments yet.</p>}
      {view.comments && view.comments.length > 0 && (
        <ul>
          {view.comments.map((c) => (
            <li key={c.id}>
              <strong>{c.author}</strong>: {c.body}
            </li>
          ))}
        </ul>
      )}
      {canComment && (
        <form
          className="promotion-form"
          onSubmit={(event) => {
            event.preventDefault();
            comment.mutate(text, { onSuccess: () => setText("") });
          }}
        >
          <TextField label="Your comment" multiline value={text} onChange={setText} maxLength={LIMITS.longText} />
          {comment.error ? (
            <p role="alert" className="form-error">
              {describeError(comment.error)}
            </p>
          ) : null}
          <div>
            <button type="submit" className="button button--secondary" disabled={comment.isPending || !text.trim()}>
              Add the comment
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function DecisionForm({ view }: { view: TPromotionCaseView }) {
  const decide = useDecide(view.case.id);
  const [outcome, setOutcome] = useState<"approved" | "deferred" | "declined">("approved");
  const [rationale, setRationale] = useState("");
  const [effectiveDate, setEffectiveDate] = useState("");
  const [isConfirming, setIsConfirming] = useState(false);
  return (
    <section className="section" aria-labelledby="decision-form-heading">
      <h2 id="decision-form-heading">Record the decision</h2>
      <div className="promotion-form">
        <FormField label="Outcome">
          {(control) => (
            <select
              {...control}
              className="select"
              value={outcome}
              onChange={(event) => setOutcome(event.target.value as typeof outcome)}
            >
              <option value="approved">Approve</option>
              <option value="deferred">Defer</option>
              <option value="declined">Decline</option>
            </select>
          )}
        </FormField>
        <TextField
          label="Rationale"
          hint="The candidate and the nominator read this; they do not see the votes."
          multiline
          value={rationale}
          onChange={setRationale}
          maxLength={LIMITS.longText}
        />
        {outcome === "approved" && (
          <FormField label="Effective date" hint="The level changes on this day.">
            {(control) => (
              <input
                {...control}
                type="date"
                className="input"
                value={effectiveDate}
                onChange={(event) => setEffectiveDate(event.target.value)}
              />
            )}
          </FormField>
        )}
        <div>
          <button
            type="button"
            className="button"
            disabled={!rationale.trim() || (outcome === "approved" && !effectiveDate)}
            onClick={() => setIsConfirming(true)}
          >
            Record the decision
          </button>
        </div>
      </div>
      <ConfirmDialog
        isOpen={isConfirming}
        onClose={() => setIsConfirming(false)}
        title="Record this decision?"
        confirmLabel="Record"
        busyLabel="Recording…"
        tone="normal"
        isBusy={decide.isPending}
        error={decide.error}
        onConfirm={() =>
          decide.mutate(
            { outcome, rationale, effectiveDate: outcome === "approved" ? effectiveDate : null },
            { onSuccess: () => setIsConfirming(false) },
          )
        }
      >
        A decision is final: the candidate and the nominator are told, and an approval changes the level on its date.
      </ConfirmDialog>
    </section>
  );
}

function CaseView({ id }: { id: string }) {
  const viewer = useViewer();
  const view = usePromotionCase(id);
  const packet = usePromotionPacket(id, view.isSuccess);
  useDocumentTitle(view.data ? `Promotion case: ${view.data.case.person.name}` : "Promotion case");
  if (view.isPending) return <LoadingState label="Loading the case…" />;
  if (view.isError) {
    return (
      <>
        <PageHeading>Promotion case</PageHeading>
        <ErrorState
          title="This case could not be loaded"
          error={view.error}
          onRetry={() => void view.refetch()}
          isRetrying={view.isFetching}
        />
      </>
    );
  }
  const data = view.data;
  const { decision } = data.case;
  const isChair = data.committee?.chair.id === viewer.personId;
  return (
    <>
      <PageHeading
        eyebrow={
          <nav aria-label="Breadcrumb" className="breadcrumb">
            <ol>
              <li>
                <Link to="/promotions">Promotions</Link>
              </li>
              <li aria-current="page">{data.case.person.name}</li>
            </ol>
          </nav>
        }
        meta={
          <Badge tone={data.case.status === "decided" ? "accent" : "neutral"}>{STATUS_LABEL[data.case.status]}</Badge>
        }
        lead={
          <p>
            From {packet.data?.packet.fromLevel?.name ?? data.case.fromLevelId ?? "no level"} to{" "}
            {packet.data?.packet.toLevel.name ?? data.case.toLevelId}
            {data.case.nominatedBy && `, nominated by ${data.case.nominatedBy.name}`}
            {data.committee && `. Committee: ${data.committee.name}, chaired by ${data.committee.chair.name}`}.
          </p>
        }
      >
        Promotion case: {data.case.person.name}
      </PageHeading>
      {decision && (
        <section className="section" aria-labelledby="decision-heading">
          <h2 id="decision-heading">Decision: {OUTCOME_LABEL[decision.outcome]}</h2>
          <p>{decision.rationale}</p>
          {decision.effectiveDate && (
            <p className="section__lead">
              Effective {decision.effectiveDate}
              {decision.isApplied ? "; the level has changed." : "; the level changes on that day."}
            </p>
          )}
        </section>
      )}
      {packet.isError && (
        <ErrorState
          title="The packet could not be loaded"
          error={packet.error}
          onRetry={() => void packet.refetch()}
          isRetrying={packet.isFetching}
        />
      )}
      {data.case.status === "draft" && data.roles.includes("nominator") && packet.data && (
        <CaseEditor view={data} packet={packet.data.packet} />
      )}
      {packet.data && <PacketView packet={packet.data.packet} caseId={id} isDraft={data.case.status === "draft"} />}
      {data.votes && <Votes view={data} />}
      {data.comments && <Comments view={data} />}
      {isChair && ["submitted", "in-review"].includes(data.case.status) && <DecisionForm view={data} />}
    </>
  );
}

export function PromotionCasePage() {
  const id = useParams().id ?? "";
  return <CaseView key={id} id={id} />;
}
