import type { TFramework } from "@ascent/contract";
import { Link } from "react-router";
import { usePerson } from "../../api/people-queries.ts";
import { useSignedIn } from "../../api/session.ts";
import { nextOnTrack, type Level } from "./ladder-model.ts";

/** The signed-in person's level and the next one on their track, for marking the ladder. */
export interface LadderPosition {
  current: Level;
  next: Level | null;
}

export function useLadderPosition(framework: TFramework | undefined): LadderPosition | null {
  const session = useSignedIn();
  const person = usePerson(session.person.id);
  const levelId = person.data?.level?.id;
  const current = framework?.levels.find((level) => level.id === levelId);
  if (!framework || !current) return null;
  return { current, next: nextOnTrack(framework, current) ?? null };
}

/** "You are here" above the ladder: where the person stands, where they go next, and the comparison of the two. */
export function YouAreHere({ position }: { position: LadderPosition }) {
  const { current, next } = position;
  return (
    <section className="you-are-here callout" aria-labelledby="you-are-here-heading">
      <h2 id="you-are-here-heading" className="you-are-here__title">
        You are here: {current.name}
      </h2>
      {next ? (
        <>
          <p>
            Your next level on this track is <strong>{next.name}</strong>. Both are marked in the ladder below.
          </p>
          <p className="actions">
            <Link
              className="button button--secondary"
              to={`/ladder/compare?from=${encodeURIComponent(current.id)}&to=${encodeURIComponent(next.id)}`}
            >
              Compare {current.name} with {next.name}
            </Link>
          </p>
        </>
      ) : (
        <p>This is the top of your track. Your level is marked in the ladder below.</p>
      )}
    </section>
  );
}

/** The small mark next to a level's name, read out as part of its header. */
export function PositionMark({ levelId, position }: { levelId: string; position: LadderPosition | null }) {
  if (position?.current.id === levelId) return <span className="position-mark position-mark--here">You are here</span>;
  if (position?.next?.id === levelId) return <span className="position-mark position-mark--next">Your next level</span>;
  return null;
}
