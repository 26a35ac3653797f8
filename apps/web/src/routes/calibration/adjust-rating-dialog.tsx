import { useState } from "react";
import { useAdjustRating } from "../../api/calibration-queries.ts";
import type { Ladder } from "../../api/ladder.ts";
import { FormField } from "../../ui/form-field.tsx";
import { ReasonDialog } from "./reason-dialog.tsx";

export interface RatingToAdjust {
  subjectId: string;
  subjectName: string;
  competencyId: string;
  competencyName: string;
  /** The manager's rating as calibrated so far; null when the manager did not rate it. */
  current: number | null;
}

/** Changes a manager's rating of one competency, with a reason. The caller keys it per request. */
export function AdjustRatingDialog({
  sessionId,
  rating,
  scale,
  onClose,
  onAdjusted,
}: {
  sessionId: string;
  rating: RatingToAdjust | null;
  scale: Ladder["scale"];
  onClose: () => void;
  onAdjusted: (message: string) => void;
}) {
  const adjust = useAdjustRating(sessionId);
  const values = scale.points.map((p) => p.value);
  const [to, setTo] = useState(() => values.find((v) => v !== rating?.current) ?? scale.min);

  return (
    <ReasonDialog
      isOpen={rating !== null}
      onClose={onClose}
      title={rating ? `Adjust ${rating.subjectName}: ${rating.competencyName}` : "Adjust a rating"}
      description={
        rating ? <p>The manager’s rating {rating.current === null ? "is missing" : `is ${rating.current}`}.</p> : null
      }
      confirmLabel="Adjust rating"
      isBusy={adjust.isPending}
      error={adjust.error}
      onSubmit={(reason) => {
        if (!rating) return;
        adjust.mutate(
          { subjectId: rating.subjectId, competencyId: rating.competencyId, to, reason },
          {
            onSuccess: () => {
              onAdjusted(`${rating.subjectName}’s ${rating.competencyName} is now ${to}.`);
              onClose();
            },
          },
        );
      }}
    >
      <FormField label="New rating">
        {(control) => (
          <select
            {...control}
            className="select"
            value={String(to)}
            onChange={(event) => setTo(Number(event.target.value))}
          >
            {scale.points.map((point) => (
              <option key={point.value} value={point.value}>
                {point.value} · {point.label}
                {point.value === rating?.current ? " (now)" : ""}
              </option>
            ))}
          </select>
        )}
      </FormField>
    </ReasonDialog>
  );
}
