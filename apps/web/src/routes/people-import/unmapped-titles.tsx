import type { TPeopleImportPreview } from "@ascent/contract";
import { useId, useState } from "react";
import { useLadderLevels, useSetTitleOverride } from "../../api/people-queries.ts";
import { describeError } from "../../ui/describe-error.ts";

type UnmappedTitle = TPeopleImportPreview["unmappedTitles"]["items"][number];

function MapTitleControl({ item, onMapped }: { item: UnmappedTitle; onMapped: (levelName: string) => void }) {
  const id = useId();
  const { levels } = useLadderLevels();
  const [levelId, setLevelId] = useState(item.suggestedLevelId ?? "");
  const [error, setError] = useState<string | null>(null);
  const save = useSetTitleOverride();

  function submit() {
    if (!levelId) {
      setError("Choose a level first.");
      return;
    }
    setError(null);
    save.mutate(
      { title: item.title, levelId },
      {
        onSuccess: (saved) => onMapped(saved.levelName ?? saved.levelId),
        onError: (failure) => setError(describeError(failure)),
      },
    );
  }

  return (
    <div className="map-title">
      <label htmlFor={`${id}-level`} className="visually-hidden">
        Level for “{item.title}”
      </label>
      <select
        id={`${id}-level`}
        className="select"
        value={levelId}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => setLevelId(event.target.value)}
      >
        <option value="">Choose a level…</option>
        {(levels ?? []).map((level) => (
          <option key={level.id} value={level.id}>
            {level.rank}. {level.name}
          </option>
        ))}
      </select>
      <button type="button" className="button button--small" disabled={save.isPending} onClick={submit}>
        {save.isPending ? "Saving…" : "Map this title"}
        <span className="visually-hidden"> “{item.title}”</span>
      </button>
      {error && (
        <p id={`${id}-error`} role="alert" className="form-field__error map-title__error">
          {error}
        </p>
      )}
    </div>
  );
}

/** Titles that title mapping could not place, each with a control that saves an override. */
export function UnmappedTitles({
  unmapped,
  onMapped,
}: {
  unmapped: TPeopleImportPreview["unmappedTitles"];
  onMapped: (title: string, levelName: string) => void;
}) {
  return (
    <section className="section" aria-labelledby="unmapped-heading">
      <h2 id="unmapped-heading">
        Unmapped titles <span className="count">{unmapped.total}</span>
      </h2>
      <p className="section__lead">
        Title mapping could not place these titles on the ladder with confidence. Choose a level for each: the choice is
        saved for future imports too, and the preview is checked again. People whose title stays unmapped are imported
        without a level.
      </p>
      <div className="table-card table-scroll">
        <table className="data-table" aria-labelledby="unmapped-heading">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col" className="numeric">
                Rows
              </th>
              <th scope="col">Best guess</th>
              <th scope="col">Map to</th>
            </tr>
          </thead>
          <tbody>
            {unmapped.items.map((item) => (
              <tr key={item.title}>
                <th scope="row">
                  <span className="cell-title">{item.title}</span>
                </th>
                <td data-label="Rows" className="numeric">
                  {item.rows}
                </td>
                <td data-label="Best guess">
                  {item.suggestedLevelName ? (
                    <>
                      {item.suggestedLevelName}
                      <span className="cell-note">
                        {Math.round(item.confidence * 100)}% sure: {item.reason}
                      </span>
                    </>
                  ) : (
                    <span className="muted">{item.reason || "No guess"}</span>
                  )}
                </td>
                <td data-label="Map to">
                  <MapTitleControl item={item} onMapped={(levelName) => onMapped(item.title, levelName)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {unmapped.total > unmapped.items.length && (
        <p className="muted capped-note">
          Showing the first {unmapped.items.length} of {unmapped.total} titles; map these and the next ones appear.
        </p>
      )}
    </section>
  );
}
