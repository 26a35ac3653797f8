import { useCycleHistory } from "../../api/cycle-participation-queries.ts";
import { useSignedIn } from "../../api/session.ts";

/** The comment the signed-in person gave when acknowledging a cycle's results, if they gave one. */
export function AcknowledgedComment({ cycleId }: { cycleId: string }) {
  const me = useSignedIn().person;
  const history = useCycleHistory(me.id);
  const comment = history.data?.cycles.find((c) => c.cycle.id === cycleId)?.acknowledgementComment;
  if (!comment) return null;
  return <p className="muted">Your comment: “{comment}”</p>;
}
