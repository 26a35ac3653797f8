import type { TCalibrationPerson, TLoadedCalibrationSession } from "@ascent/contract";
import { useCallback, useState } from "react";
import { useParams } from "react-router";
import { useCalibrationAdjustments, useCalibrationSession } from "../../api/calibration-queries.ts";
import { useLadder, type Ladder } from "../../api/ladder.ts";
import { useViewer } from "../../api/people-queries.ts";
import { Badge } from "../../ui/badge.tsx";
import { Breadcrumb } from "../../ui/breadcrumb.tsx";
import { ErrorState } from "../../ui/error-state.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import "../people/people.css";
import { AdjustRatingDialog, type RatingToAdjust } from "./adjust-rating-dialog.tsx";
import { AdjustmentsResult } from "./adjustments-table.tsx";
import { percent } from "./calibration-labels.ts";
import "./calibration.css";
import { CloseSession } from "./close-session.tsx";
import { DistributionSection } from "./distribution-section.tsx";
import { MoveDialog } from "./move-dialog.tsx";
import { NineBox, type FocusRequest, type MoveRequest } from "./nine-box.tsx";
import { PeopleTable } from "./people-table.tsx";
import { PersonRatings } from "./person-ratings.tsx";

export function CalibrationSessionPage() {
  const { id = "" } = useParams();
  const loaded = useCalibrationSession(id);
  const { ladder, ...ladderQuery } = useLadder();
  useDocumentTitle(loaded.data ? `Calibration: ${loaded.data.session.name}` : "Calibration session");
  if (loaded.isPending || ladderQuery.isPending) return <LoadingState label="Loading the calibration session…" />;
  if (loaded.isError || !ladder) {
    const error = loaded.error ?? ladderQuery.error;
    return (
      <ErrorState
        title="The calibration session could not be loaded"
        error={error}
        onRetry={() => void (loaded.isError ? loaded.refetch() : ladderQuery.refetch())}
        isRetrying={loaded.isFetching || ladderQuery.isFetching}
      />
    );
  }
  return <SessionView loaded={loaded.data} ladder={ladder} />;
}

/** Ids to names, from the people in scope and the names the session sends along. */
function useNames(loaded: TLoadedCalibrationSession, ladder: Ladder) {
  const people = new Map(loaded.people.map((p) => [p.personId, p.name]));
  return {
    personName: (id: string | null) => (id ? (people.get(id) ?? loaded.names[id] ?? "Someone no longer here") : "—"),
    levelName: (levelId: string | null) =>
      levelId ? (ladder.levels.find((l) => l.id === levelId)?.name ?? levelId) : "No level",
    competencyName: (id: string) => ladder.competencies.find((c) => c.id === id)?.name ?? id,
  };
}

function SessionView({ loaded, ladder }: { loaded: TLoadedCalibrationSession; ladder: Ladder }) {
  const viewer = useViewer();
  const { session, people, isFrozen } = loaded;
  const names = useNames(loaded, ladder);
  const [message, setMessage] = useState("");
  const [shownId, setShownId] = useState<string | null>(null);
  const [move, setMove] = useState<{ key: number; request: MoveRequest | null }>({ key: 0, request: null });
  const [adjust, setAdjust] = useState<{ key: number; rating: RatingToAdjust | null }>({ key: 0, rating: null });
  const [focus, setFocus] = useState<FocusRequest | null>(null);
  const clearFocus = useCallback(() => setFocus(null), []);
  const shown = people.find((p) => p.personId === shownId) ?? null;
  const canClose = !isFrozen && (viewer.isAdmin || session.facilitatorId === viewer.personId);

  return (
    <>
      {/* First in the tree, so a dialog has closed (and the page is no longer inert) before focus moves. */}
      <MoveDialog
        key={`move-${move.key}`}
        sessionId={session.id}
        request={move.request}
        onClose={() => setMove((m) => ({ ...m, request: null }))}
        onMoved={(text, box) => {
          setMessage(text);
          if (move.request) setFocus({ personId: move.request.person.personId, box });
        }}
      />
      <AdjustRatingDialog
        key={`adjust-${adjust.key}`}
        sessionId={session.id}
        rating={adjust.rating}
        scale={ladder.scale}
        onClose={() => setAdjust((a) => ({ ...a, rating: null }))}
        onAdjusted={setMessage}
      />
      <PageHeading
        eyebrow={<Breadcrumb trail={[{ to: "/calibration", label: "Calibration" }]} current={session.name} />}
        meta={isFrozen ? <Badge tone="neutral">Closed</Badge> : <Badge tone="accent">Open</Badge>}
        lead={
          <p>
            {people.length === 1 ? "1 person" : `${people.length} people`} in scope · facilitated by{" "}
            {names.personName(session.facilitatorId)} · participants:{" "}
            {session.participantIds.map((pid) => names.personName(pid)).join(", ") || "none"}
            {isFrozen && ". The session is closed: its ratings and boxes are frozen and can no longer change."}
          </p>
        }
      >
        {session.name}
      </PageHeading>
      <p role="status" className="calibration-status">
        {message}
      </p>
      <section aria-labelledby="people-heading" className="section">
        <h2 id="people-heading">People in scope</h2>
        <PeopleTable
          people={people}
          levelName={names.levelName}
          personName={names.personName}
          onShowRatings={(person: TCalibrationPerson) => setShownId(person.personId)}
        />
        {shown && (
          <PersonRatings
            person={shown}
            competencyName={names.competencyName}
            isFrozen={isFrozen}
            onAdjust={(rating) => setAdjust((a) => ({ key: a.key + 1, rating }))}
          />
        )}
      </section>
      <DistributionSection sessionId={session.id} levelName={names.levelName} />
      <section aria-labelledby="nine-box-heading" className="section">
        <h2 id="nine-box-heading">9-box: performance × potential</h2>
        <BandsNote thresholds={loaded.thresholds} />
        <NineBox
          people={people}
          isFrozen={isFrozen}
          onMove={(request) => setMove((m) => ({ key: m.key + 1, request }))}
          focus={focus}
          onFocused={clearFocus}
          isDialogOpen={move.request !== null || adjust.rating !== null}
        />
      </section>
      <AdjustmentsSection sessionId={session.id} names={names} />
      {canClose && <CloseSession sessionId={session.id} onClosed={() => setMessage("The session is closed.")} />}
    </>
  );
}

/** The band edges the boxes come from, as the admins set them. */
function BandsNote({ thresholds }: { thresholds: TLoadedCalibrationSession["thresholds"] }) {
  const edges = (band: { medium: number; high: number }) =>
    `medium from ${percent(band.medium)}, high from ${percent(band.high)}`;
  return (
    <p className="muted">
      Bands from the settings: performance {edges(thresholds.performance)}; potential {edges(thresholds.potential)}.
    </p>
  );
}

function AdjustmentsSection({ sessionId, names }: { sessionId: string; names: ReturnType<typeof useNames> }) {
  const adjustments = useCalibrationAdjustments(sessionId);
  return (
    <section aria-labelledby="adjustments-heading" className="section">
      <h2 id="adjustments-heading">Adjustments</h2>
      <AdjustmentsResult
        query={adjustments}
        emptyText="No adjustments yet. Each change to a rating or a box appears here with its reason."
        order="reversed"
        caption="Adjustments in this session, newest first"
        personName={names.personName}
        competencyName={names.competencyName}
      />
    </section>
  );
}
