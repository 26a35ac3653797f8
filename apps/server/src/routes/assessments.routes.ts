import { ATTRIBUTED_ASSESSMENT_READERS, AUTHENTICATED, type Assessment, type Rating } from "@ascent/core";
import { endpoints } from "@ascent/contract";
import { route, type RouteSpec } from "../route-table.ts";
import type { AppServices } from "../composition-root.ts";
import { presentAssessment, presentAttributedAssessments, type PeopleIndex } from "../presenters/assessment.ts";

export function assessmentsRoutes(services: AppServices): RouteSpec[] {
  const api = endpoints.assessments;
  const { assessments } = services;
  const evidence = services.evidenceService;
  const peopleByIds = (ids: Iterable<string>): Promise<PeopleIndex> => services.peopleService.byIds(ids);

  const present = async (assessment: Assessment) =>
    presentAssessment(assessment, await peopleByIds([assessment.subjectId, assessment.raterId]));

  return [
    route({
      endpoint: api.start,
      // Who may rate whom depends on the relation asked for: the service decides, once.
      policy: AUTHENTICATED,
      handler: async ({ viewer, body }) => present(await assessments.startOrResume(viewer, body)),
    }),
    route({
      endpoint: api.get,
      policy: AUTHENTICATED,
      handler: async ({ viewer, params }) => present(await assessments.getOwn(viewer, params.assessmentId)),
    }),
    route({
      endpoint: api.saveRatings,
      policy: AUTHENTICATED,
      handler: async ({ viewer, params, body }) => {
        const ratings: Rating[] = body.ratings.map((rating) => ({
          competencyId: rating.competencyId,
          score: rating.score,
          evidence: rating.evidence,
          confidence: rating.confidence ?? null,
          evidenceIds: [...new Set(rating.evidenceIds)],
        }));
        const own = await assessments.getOwn(viewer, params.assessmentId);
        if (own.status === "draft") {
          await evidence.assertLinkable(
            viewer,
            own.subjectId,
            ratings.flatMap((r) => r.evidenceIds),
          );
        }
        return present(await assessments.saveDraft(viewer, params.assessmentId, ratings));
      },
    }),
    route({
      endpoint: api.submit,
      policy: AUTHENTICATED,
      handler: async ({ viewer, params }) => present(await assessments.submit(viewer, params.assessmentId)),
    }),
    route({
      endpoint: api.correct,
      policy: AUTHENTICATED,
      handler: async ({ viewer, params }) => present(await assessments.startCorrection(viewer, params.assessmentId)),
    }),
    route({
      endpoint: api.listMine,
      policy: AUTHENTICATED,
      handler: async ({ viewer }) => {
        const own = await assessments.listOwn(viewer);
        const people = await peopleByIds([viewer.personId, ...own.map((a) => a.subjectId)]);
        return { assessments: own.map((assessment) => presentAssessment(assessment, people)) };
      },
    }),
    route({
      endpoint: api.listAbout,
      policy: ATTRIBUTED_ASSESSMENT_READERS,
      handler: async ({ viewer, params }) => {
        const about = await assessments.listAttributedAbout(viewer, params.id);
        const people = await peopleByIds([params.id, ...about.map((a) => a.raterId)]);
        return { assessments: presentAttributedAssessments(about, people) };
      },
    }),
  ];
}
