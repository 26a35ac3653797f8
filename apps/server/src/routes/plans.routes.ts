import { ACTIVE_FRAMEWORK_SLUG, CareerPlanService, subject } from "@ascent/core";
import { endpoints } from "@ascent/contract";
import { route, type RouteSpec } from "../route-table.ts";
import type { AppServices } from "../app.ts";
import { recordRead } from "../audit-reads.ts";
import { presentCareerPlan, presentPlanChange, presentPlanReview } from "../presenters/plan.ts";

/** The career-plan use cases over the services' repositories. */
export function buildCareerPlanService(
  services: Pick<AppServices, "careerPlans" | "people" | "frameworks" | "titleOverrides" | "readiness">,
): CareerPlanService {
  return new CareerPlanService({
    plans: services.careerPlans,
    people: services.people,
    titleOverrides: services.titleOverrides,
    readiness: services.readiness,
    activeFramework: async () => {
      const latest = await services.frameworks.version(ACTIVE_FRAMEWORK_SLUG, "latest");
      return { document: latest.document, version: latest.version };
    },
  });
}

export function plansRoutes(services: AppServices): RouteSpec[] {
  const api = endpoints.plans;
  const plans = buildCareerPlanService(services);

  return [
    route({
      endpoint: api.get,
      // Private content: the owner, and the managers above once shared (404 before); never admins as such.
      policy: subject("id", "self", "managementChain"),
      handler: async ({ viewer, params }) => {
        const view = await plans.view(viewer, params.id);
        // DESIGN §5: every read of someone else's plan is logged, and the owner sees that log.
        await recordRead(services, viewer, params.id, "plan", "career-plan");
        return presentCareerPlan(view);
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
        await recordRead(services, viewer, params.id, "plan", "career-plan-reviews");
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
