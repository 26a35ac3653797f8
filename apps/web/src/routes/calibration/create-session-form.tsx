import { LIMITS, type TCalibrationSession } from "@ascent/contract";
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { useCreateCalibrationSession } from "../../api/calibration-queries.ts";
import { useLadderLevels } from "../../api/people-queries.ts";
import { describeError, fieldErrors } from "../../ui/describe-error.ts";
import { TextField } from "../../ui/text-field.tsx";
import { PersonPicker, type PickedPerson } from "../people/person-picker.tsx";
import { GuidelineFields, toGuideline, type GuidelineInput } from "./guideline-fields.tsx";
import { ParticipantsField } from "./participants-field.tsx";

const listOf = (text: string) =>
  text
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);

/** An admin opens a session of this cycle: a scope, a facilitator, participants and an optional guideline. */
export function CreateSessionForm({ cycleId }: { cycleId: string }) {
  const { levels } = useLadderLevels();
  const create = useCreateCalibrationSession();
  const [name, setName] = useState("");
  const [levelIds, setLevelIds] = useState<string[]>([]);
  const [teams, setTeams] = useState("");
  const [department, setDepartment] = useState<PickedPerson | null>(null);
  const [facilitator, setFacilitator] = useState<PickedPerson | null>(null);
  const [participants, setParticipants] = useState<PickedPerson[]>([]);
  const [guideline, setGuideline] = useState<GuidelineInput | null>(null);
  const [isMissingFacilitator, setIsMissingFacilitator] = useState(false);
  const errors = fieldErrors(create.error);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setIsMissingFacilitator(!facilitator);
    if (!facilitator) return;
    const scope: TCalibrationSession["scope"] = {
      ...(levelIds.length ? { levelIds } : {}),
      ...(listOf(teams).length ? { teams: listOf(teams) } : {}),
      ...(department ? { managerId: department.id } : {}),
    };
    create.mutate({
      cycleId,
      name,
      scope,
      facilitatorId: facilitator.id,
      ...(participants.length ? { participantIds: participants.map((p) => p.id) } : {}),
      guideline: guideline ? toGuideline(guideline) : null,
    });
  }

  return (
    <section aria-labelledby="new-session-heading" className="card new-session">
      <h3 id="new-session-heading">New calibration session</h3>
      <form onSubmit={handleSubmit} noValidate>
        <TextField label="Name" value={name} onChange={setName} maxLength={LIMITS.shortText} error={errors.name} />
        <fieldset className="picker">
          <legend>Levels in scope</legend>
          <p className="form-field__hint">Leave all unticked for every level.</p>
          <div className="level-choices">
            {(levels ?? []).map((level) => (
              <label key={level.id} className="checkbox">
                <input
                  type="checkbox"
                  checked={levelIds.includes(level.id)}
                  onChange={(event) =>
                    setLevelIds((ids) =>
                      event.target.checked ? [...ids, level.id] : ids.filter((id) => id !== level.id),
                    )
                  }
                />
                {level.name}
              </label>
            ))}
          </div>
        </fieldset>
        <TextField
          label="Teams in scope"
          hint="Comma-separated; leave empty for every team"
          value={teams}
          onChange={setTeams}
          isOptional
        />
        <PersonPicker
          legend="Department"
          hint="Everyone below this manager. Type two or more letters of a name, then choose."
          value={department}
          onChange={setDepartment}
          noneLabel="The whole organisation"
        />
        <PersonPicker
          legend="Facilitator"
          value={facilitator}
          onChange={setFacilitator}
          noneLabel="Choose a facilitator"
          error={isMissingFacilitator ? "Choose who runs the session" : errors.facilitatorId}
        />
        <ParticipantsField value={participants} onChange={setParticipants} />
        <GuidelineFields value={guideline} onChange={setGuideline} />
        <p className="row-actions">
          <button type="submit" className="button" disabled={create.isPending}>
            {create.isPending ? "Opening…" : "Open the session"}
          </button>
        </p>
      </form>
      <div aria-live="polite">
        {create.isError && (
          <p role="alert" className="form-error">
            {describeError(create.error)}
            {errors.scope && `: ${errors.scope}`}
          </p>
        )}
        {create.isSuccess && (
          <p>
            Opened <Link to={`/calibration/${create.data.id}`}>{create.data.name}</Link> with{" "}
            {create.data.participantIds.length === 1
              ? "1 participant"
              : `${create.data.participantIds.length} participants`}
            .
          </p>
        )}
      </div>
    </section>
  );
}
