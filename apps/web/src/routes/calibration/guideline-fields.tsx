import type { TCalibrationSession } from "@ascent/contract";
import { FormField } from "../../ui/form-field.tsx";
import { BAND_LABELS, BANDS, type Band } from "./calibration-labels.ts";

/** Percentages as typed, per band. */
export type GuidelineInput = Record<Band, string>;

const DEFAULT_GUIDELINE: GuidelineInput = { low: "20", medium: "60", high: "20" };

/** Percentages to shares; the server checks that they add up. */
export function toGuideline(input: GuidelineInput): NonNullable<TCalibrationSession["guideline"]> {
  const share = (band: Band) => Number(input[band]) / 100;
  return { low: share("low"), medium: share("medium"), high: share("high") };
}

/** An optional guideline distribution: shown beside the histogram, never enforced. */
export function GuidelineFields({
  value,
  onChange,
}: {
  value: GuidelineInput | null;
  onChange: (value: GuidelineInput | null) => void;
}) {
  return (
    <fieldset className="picker">
      <legend>Guideline distribution</legend>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={value !== null}
          onChange={(event) => onChange(event.target.checked ? DEFAULT_GUIDELINE : null)}
        />
        Show a guideline beside the histogram (it is never enforced)
      </label>
      {value && (
        <div className="guideline-fields">
          {BANDS.map((band) => (
            <FormField key={band} label={`${BAND_LABELS[band]} (%)`}>
              {(control) => (
                <input
                  {...control}
                  className="input"
                  type="number"
                  min={0}
                  max={100}
                  value={value[band]}
                  onChange={(event) => onChange({ ...value, [band]: event.target.value })}
                />
              )}
            </FormField>
          ))}
        </div>
      )}
    </fieldset>
  );
}
