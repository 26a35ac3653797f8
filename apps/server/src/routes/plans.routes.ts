import { subject } from "@ascent/core";
import { endpoints } from "@ascent/contract";
import { route, type RouteSpec } from "../route-table.ts";
import type { AppServices } from "../composition-root.ts";
import { presentCareerPlan, presentPlanChange, presentPlanReview } from "../presenters/plan.ts";

export function plansRoutes(services: AppServices): RouteSpec[] {
  const api = endpoints.plans;
  const plans = services.careerPlanService;

  return [
    route({
      endpoint: api.get,
      // Private content: the owner, and the managers above once shared (404 before); never admins as such.
      policy: subject("id", "self", "managementChain"),
      handler: async ({ viewer, params }) => {
        return presentCareerPlan(await plans.view(viewer, params.id));
      },
    }),
    route({
      endpoint: api.save,
      policy: subject("id", "self"),
      handler: async ({ viewer, params, body }) => {
        const { view, warnings } = await plans.save(viewer, params.id, body);
        return { ...presentCareerPlan(view), warnings };
      },
    }),
    route({
      endpoint: api.review,
      policy: subject("id", "self"),
      handler: async ({ viewer, params, body }) => presentPlanReview(await plans.review(viewer, params.id, body.note)),
    }),
    route({
      endpoint: api.listReviews,
      policy: subject("id", "self", "managementChain"),
      handler: async ({ viewer, params }) => {
        const result = await plans.reviews(viewer, params.id);
        return {
          reviews: result.reviews.map(presentPlanReview),
          changesSinceLastReview: result.changesSinceLastReview.map(presentPlanChange),
        };
      },
    }),
    route({
      endpoint: api.setSharing,
      policy: subject("id", "self"),
      handler: async ({ viewer, params, body }) =>
        presentCareerPlan(await plans.setSharing(viewer, params.id, body.isSharedWithManager)),
    }),
  ];
}
