import { useId, type ReactNode } from "react";
import "./rating-scale.css";

export interface RatingScaleProps {
  /** The question, read as the group's name. */
  legend: ReactNode;
  /** More about the question, read after the name. */
  description?: ReactNode;
  value: number | null;
  onChange: (value: number) => void;
  min?: number;
  max?: number;
  /** Words for the ends of the scale, e.g. "Not like me" … "Very like me". */
  lowLabel: string;
  highLabel: string;
  error?: string | undefined;
  /** Emphasised, e.g. an aspect the two sides of a 1:1 see most differently. */
  isHighlighted?: boolean;
}

/**
 * A 1–5 rating as a group of radio buttons (a radiogroup, so it can be marked invalid): arrow keys
 * move between the points, each point says its number, and the ends of the scale are named.
 */
export function RatingScale({
  legend,
  description,
  value,
  onChange,
  min = 1,
  max = 5,
  lowLabel,
  highLabel,
  error,
  isHighlighted = false,
}: RatingScaleProps) {
  const id = useId();
  const descriptionId = `${id}-description`;
  const errorId = `${id}-error`;
  const points = Array.from({ length: max - min + 1 }, (_, index) => min + index);
  const describedBy = [description ? descriptionId : null, error ? errorId : null].filter(Boolean).join(" ");
  return (
    <fieldset
      role="radiogroup"
      className={`rating-scale${isHighlighted ? " rating-scale--highlighted" : ""}`}
      aria-describedby={describedBy || undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend className="rating-scale__legend">{legend}</legend>
      {description && (
        <div id={descriptionId} className="rating-scale__description">
          {description}
        </div>
      )}
      <div className="rating-scale__points">
        {points.map((point) => (
          <label key={point} className="rating-scale__point">
            <input type="radio" name={id} value={point} checked={value === point} onChange={() => onChange(point)} />
            <span>
              {point}
              {point === min && <span className="visually-hidden"> ({lowLabel})</span>}
              {point === max && <span className="visually-hidden"> ({highLabel})</span>}
            </span>
          </label>
        ))}
      </div>
      <div className="rating-scale__ends" aria-hidden="true">
        <span>
          {min} {lowLabel}
        </span>
        <span>
          {max} {highLabel}
        </span>
      </div>
      {error && (
        <p id={errorId} role="alert" className="form-field__error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
