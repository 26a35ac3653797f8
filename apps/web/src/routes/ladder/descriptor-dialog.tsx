import type { TFramework } from "@ascent/contract";
import { Link } from "react-router";
import { ModalDialog } from "../../ui/modal-dialog.tsx";
import { applies, expectationOf, interpolatedBetween, levelsByRank, scaleLabel } from "./ladder-model.ts";
import type { MatrixCell } from "./ladder-matrix.tsx";

/** What one competency looks like at one level: the descriptor, the numbers, and where it comes from. */
export function DescriptorDialog({
  framework,
  cell,
  onClose,
}: {
  framework: TFramework;
  cell: MatrixCell | null;
  onClose: () => void;
}) {
  return (
    <ModalDialog
      isOpen={cell !== null}
      onClose={onClose}
      title={cell ? `${cell.competency.name} at ${cell.level.name}` : ""}
      description={cell?.competency.area}
      size="wide"
    >
      {cell && <DescriptorContent framework={framework} cell={cell} />}
    </ModalDialog>
  );
}

function DescriptorContent({ framework, cell }: { framework: TFramework; cell: MatrixCell }) {
  const { level } = cell;
  const levels = levelsByRank(framework);
  const next = levels[levels.findIndex((l) => l.id === level.id) + 1];
  return (
    <>
      <DescriptorBody framework={framework} cell={cell} />
      <p className="modal-dialog__actions descriptor-links">
        <Link to={`/ladder/levels/${encodeURIComponent(level.id)}`} className="button button--secondary">
          Everything at {level.name}
        </Link>
        {next && (
          <Link
            to={`/ladder/compare?from=${encodeURIComponent(level.id)}&to=${encodeURIComponent(next.id)}`}
            className="button button--secondary"
          >
            What changes at {next.name}
          </Link>
        )}
      </p>
    </>
  );
}

function DescriptorBody({ framework, cell }: { framework: TFramework; cell: MatrixCell }) {
  const { level, competency } = cell;
  const expectation = expectationOf(framework, level.id, competency.id);
  const between = expectation?.interpolated ? interpolatedBetween(framework, level.id, competency.id) : {};
  const point = framework.scale.points.find((p) => p.value === expectation?.expected);
  return (
    <>
      {expectation ? (
        <>
          <dl className="fact-pairs">
            <div>
              <dt>Expected proficiency</dt>
              <dd>{scaleLabel(framework, expectation.expected)}</dd>
            </div>
            <div>
              <dt>Weight</dt>
              <dd>{applies(expectation) ? expectation.weight : "0 · does not apply at this level"}</dd>
            </div>
          </dl>
          {expectation.interpolated && (
            <p className="callout callout--note">
              {between.below && between.above ? (
                <>
                  <strong>Written between two sourced levels.</strong> The sources describe this competency at{" "}
                  {between.below.name} and at {between.above.name}; the project wrote this descriptor to sit between
                  them.
                </>
              ) : (
                <>
                  <strong>Written by the project.</strong> The sources give no descriptor for this competency at this
                  level
                  {between.below || between.above
                    ? `; they describe it at ${(between.below ?? between.above)?.name}`
                    : ""}
                  .
                </>
              )}
            </p>
          )}
          <p className="descriptor">{expectation.descriptor}</p>
          {point && (
            <p className="muted dialog__note">
              <strong>{point.label}</strong> on the {framework.scale.min}–{framework.scale.max} scale:{" "}
              {point.description}
            </p>
          )}
        </>
      ) : (
        <p>This level sets no expectation for this competency.</p>
      )}
      <h3 className="dialog__subheading">About this competency</h3>
      <p>{competency.description}</p>
    </>
  );
}
