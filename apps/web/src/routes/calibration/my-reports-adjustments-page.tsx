import { Breadcrumb } from "../../ui/breadcrumb.tsx";
import { useMyReportsAdjustments } from "../../api/calibration-queries.ts";
import { useLadder } from "../../api/ladder.ts";
import { PageHeading } from "../../ui/page-heading.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import "../people/people.css";
import { AdjustmentsResult } from "./adjustments-table.tsx";
import "./calibration.css";

/** A manager sees every calibration change to the ratings and boxes of the people below them, and why. */
export function MyReportsAdjustmentsPage() {
  useDocumentTitle("Adjustments to your reports’ ratings");
  const adjustments = useMyReportsAdjustments();
  // Competency names come from the ladder; a failed ladder still leaves the ids readable.
  const { ladder, isPending: isLadderPending } = useLadder();
  const competencyName = (id: string) => ladder?.competencies.find((c) => c.id === id)?.name ?? id;
  const authors = new Map(adjustments.data?.adjustments.map((a) => [a.by, a.byName]) ?? []);
  return (
    <>
      <PageHeading
        eyebrow={<Breadcrumb trail={[{ to: "/calibration", label: "Calibration" }]} current="Your reports" />}
        lead={<p>Every change a calibration session made to the people below you, newest first, with its reason.</p>}
      >
        Adjustments to your reports’ ratings
      </PageHeading>
      <AdjustmentsResult
        query={adjustments}
        isWaiting={isLadderPending}
        emptyText="No calibration has changed a rating or a box of the people below you."
        caption="Calibration adjustments to your reports, newest first"
        personName={(id) => (id ? (authors.get(id) ?? "Someone no longer here") : "—")}
        competencyName={competencyName}
      />
    </>
  );
}
