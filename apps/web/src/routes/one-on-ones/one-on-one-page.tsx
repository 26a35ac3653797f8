import type { TOneOnOne } from "@ascent/contract";
import { useState } from "react";
import { useParams } from "react-router";
import { calendarFileUrl, useOneOnOne } from "../../api/one-on-one-queries.ts";
import { Badge } from "../../ui/badge.tsx";
import { Breadcrumb } from "../../ui/breadcrumb.tsx";
import { ErrorState } from "../../ui/error-state.tsx";
import { FormField } from "../../ui/form-field.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import { ActionItemsSection } from "./action-items-section.tsx";
import { AgendaSection } from "./agenda-section.tsx";
import { formatDateTime } from "./date-time.ts";
import { HealthSection } from "./health-section.tsx";
import { PrivateNotesSection, SharedNotesSection } from "./notes-sections.tsx";
import "../../ui/growth-controls.css";
import "./one-on-ones.css";

/** The two participants as the viewer sees them. */
export function sidesOf(meeting: TOneOnOne) {
  const me = meeting.viewerSide === "lead" ? meeting.lead : meeting.report;
  const other = meeting.viewerSide === "lead" ? meeting.report : meeting.lead;
  return { me, other };
}

export function OneOnOnePage() {
  const { id = "" } = useParams();
  const meeting = useOneOnOne(id);
  const other = meeting.data ? sidesOf(meeting.data).other : null;
  useDocumentTitle(other ? `1:1 with ${other.name}` : "1:1");

  const breadcrumb = (
    <Breadcrumb
      trail={[
        { to: "/career", label: "Career" },
        { to: "/one-on-ones", label: "1:1s" },
      ]}
      current={other ? `With ${other.name}` : "1:1"}
    />
  );

  if (meeting.isPending) {
    return (
      <>
        <PageHeading eyebrow={breadcrumb}>1:1</PageHeading>
        <LoadingState label="Loading the 1:1…" />
      </>
    );
  }
  if (meeting.isError) {
    return (
      <>
        <PageHeading eyebrow={breadcrumb}>1:1</PageHeading>
        <ErrorState
          title="This 1:1 could not be loaded"
          error={meeting.error}
          onRetry={() => void meeting.refetch()}
          isRetrying={meeting.isFetching}
        />
      </>
    );
  }
  const data = meeting.data;
  const sides = sidesOf(data);
  return (
    <>
      <PageHeading
        eyebrow={breadcrumb}
        meta={
          <>
            <Badge tone="accent">{formatDateTime(data.scheduledAt)}</Badge>
            {data.agenda.playbook && <Badge tone="neutral">{data.agenda.playbook.name}</Badge>}
          </>
        }
        lead={
          <p>
            {data.viewerSide === "lead"
              ? `${sides.other.name} reports to you.`
              : `${sides.other.name} is your manager.`}{" "}
            Work through the agenda, keep notes and agree on action items. At the end, both of you rate how the
            collaboration is going.
          </p>
        }
      >
        1:1 with {sides.other.name}
      </PageHeading>
      <div className="one-on-one-layout">
        <div className="one-on-one-layout__main">
          <AgendaSection meeting={data} />
        </div>
        <div className="one-on-one-layout__side">
          <SharedNotesSection meeting={data} />
          <PrivateNotesSection meeting={data} />
          <ActionItemsSection meeting={data} />
          <CalendarSection meeting={data} />
        </div>
      </div>
      <HealthSection meeting={data} />
    </>
  );
}

function CalendarSection({ meeting }: { meeting: TOneOnOne }) {
  const [repeat, setRepeat] = useState<"weekly" | "biweekly" | "monthly">("weekly");
  return (
    <section className="card" aria-labelledby="calendar-heading">
      <h2 id="calendar-heading" className="card__title">
        Calendar
      </h2>
      <div className="calendar-row">
        <FormField label="Repeats">
          {(control) => (
            <select
              {...control}
              className="select"
              value={repeat}
              onChange={(event) => setRepeat(event.target.value as typeof repeat)}
            >
              <option value="weekly">Every week</option>
              <option value="biweekly">Every two weeks</option>
              <option value="monthly">Every month</option>
            </select>
          )}
        </FormField>
        <a
          className="button button--secondary"
          href={calendarFileUrl(meeting.id, repeat)}
          download={`one-on-one-${meeting.scheduledAt.slice(0, 10)}.ics`}
        >
          Add to calendar (.ics)
        </a>
      </div>
      <p className="form-field__hint">A recurring event with the agenda, for any calendar that imports .ics files.</p>
    </section>
  );
}
