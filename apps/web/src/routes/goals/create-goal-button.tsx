import { useEffect, useRef } from "react";
import { Link } from "react-router";
import { useCreateGoal, useGoalList } from "../../api/goal-queries.ts";
import { describeError } from "../../ui/describe-error.ts";
import "../../ui/growth-controls.css";

export interface CreateGoalButtonProps {
  /** Whose goal: the signed-in person (only the owner may set goals). */
  personId: string;
  competencyId: string;
  /** Names the competency in the button's accessible name, e.g. "Create a goal for Data analysis". */
  competencyName: string;
  /** The level whose expectation becomes the target; the API defaults to the next level. */
  targetLevelId?: string | undefined;
}

/**
 * "Create a goal" for one readiness gap, in one click: the API sets from = the observed value and
 * target = what the level expects. Once an active goal exists for the competency it links to Goals
 * instead. For My growth's gap list and any other place that shows gaps.
 */
export function CreateGoalButton({ personId, competencyId, competencyName, targetLevelId }: CreateGoalButtonProps) {
  const goals = useGoalList(personId);
  const create = useCreateGoal(personId);
  const existing = goals.data?.goals.find((goal) => goal.competencyId === competencyId && goal.status === "active");
  const linkRef = useRef<HTMLAnchorElement>(null);

  // The button that had focus is gone once the goal exists: keep the keyboard on the link that replaces it.
  useEffect(() => {
    if (create.isSuccess) linkRef.current?.focus();
  }, [create.isSuccess]);

  if (existing || create.isSuccess) {
    return (
      <span role="status" className="create-goal create-goal--done">
        {create.isSuccess ? "Goal created. " : "Goal set. "}
        <Link ref={linkRef} to="/goals">
          See Goals<span className="visually-hidden"> for {competencyName}</span>
        </Link>
      </span>
    );
  }
  return (
    <span className="create-goal">
      <button
        type="button"
        className="button button--small button--secondary"
        disabled={create.isPending}
        onClick={() => create.mutate({ competencyId, ...(targetLevelId ? { targetLevelId } : {}) })}
      >
        {create.isPending ? "Creating…" : "Create a goal"}
        <span className="visually-hidden"> for {competencyName}</span>
      </button>
      {create.isError && (
        <span role="alert" className="form-field__error">
          {describeError(create.error)}
        </span>
      )}
    </span>
  );
}
