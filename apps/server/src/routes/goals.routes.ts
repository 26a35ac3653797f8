import { ACTIVE_FRAMEWORK_SLUG, AUTHENTICATED, subject, type Competency } from "@ascent/core";
import { endpoints } from "@ascent/contract";
import { route, type RouteSpec } from "../route-table.ts";
import type { AppServices } from "../composition-root.ts";
import { presentGoal, presentGoalTimeline } from "../presenters/goal.ts";

export function goalsRoutes(services: AppServices): RouteSpec[] {
  const api = endpoints.goals;
  const goals = services.goalService;
  const competencies = async (): Promise<Competency[]> =>
    (await services.frameworks.version(ACTIVE_FRAMEWORK_SLUG, "latest")).document.competencies;

  return [
    route({
      endpoint: api.list,
      // The owner, and the managers above (shared goals only); never admins as such.
      policy: subject("id", "self", "managementChain"),
      handler: async ({ viewer, params }) => {
        const view = await goals.list(viewer, params.id);
        const named = await competencies();
        return {
          goals: view.goals.map((goal) => presentGoal(goal, named)),
          scope: view.scope,
          observed: view.observed,
          timeline: presentGoalTimeline(view.goals),
        };
      },
    }),
    route({
      endpoint: api.create,
      policy: subject("id", "self"),
      handler: async ({ viewer, params, body, reply }) => {
        const { goal, warnings } = await goals.create(viewer, params.id, body);
        reply.header("location", `/api/goals/${goal.id}`);
        return { goal: presentGoal(goal, await competencies()), warnings };
      },
    }),
    route({
      endpoint: api.update,
      // Owner only: the service answers 404 to anyone else.
      policy: AUTHENTICATED,
      handler: async ({ viewer, params, body }) => {
        const { goal, warnings } = await goals.update(viewer, params.goalId, body);
        return { goal: presentGoal(goal, await competencies()), warnings };
      },
    }),
    route({
      endpoint: api.checkIn,
      policy: AUTHENTICATED,
      handler: async ({ viewer, params, body }) =>
        presentGoal(await goals.checkIn(viewer, params.goalId, body), await competencies()),
    }),
    route({
      endpoint: api.delete,
      policy: AUTHENTICATED,
      handler: async ({ viewer, params }) => {
        await goals.delete(viewer, params.goalId);
        return null;
      },
    }),
  ];
}
