import { AUTHENTICATED, subject, type FeedbackRequest } from "@ascent/core";
import { endpoints } from "@ascent/contract";
import { route, type RouteSpec } from "../route-table.ts";
import type { AppServices } from "../composition-root.ts";
import { presentFeedbackInvitation, presentFeedbackRequest } from "../presenters/feedback.ts";

/** The person themself and the managers above them: who asks for feedback about them, and follows it. */
const SELF_OR_CHAIN = subject("id", "self", "managementChain");

export function feedbackRoutes(services: AppServices): RouteSpec[] {
  const api = endpoints.feedback;
  const { feedbackRequests } = services;
  const peopleByIds = (ids: Iterable<string>) => services.peopleService.byIds(ids);

  const present = async (requests: FeedbackRequest[]) => {
    const people = await peopleByIds(
      requests.flatMap((r) => [
        r.subjectId,
        ...(r.requestedBy ? [r.requestedBy] : []),
        ...r.raters.map((x) => x.raterId),
      ]),
    );
    const now = services.now();
    return requests.map((request) => presentFeedbackRequest(request, people, now));
  };
  const presentOne = async (request: FeedbackRequest) => {
    const [presented] = await present([request]);
    if (!presented) throw new Error("a presented request went missing");
    return presented;
  };

  return [
    route({
      endpoint: api.create,
      policy: SELF_OR_CHAIN,
      handler: async ({ viewer, params, body }) =>
        presentOne(
          await feedbackRequests.create(viewer, {
            subjectId: params.id,
            relation: body.relation,
            raterIds: body.raterIds,
            dueAt: new Date(body.dueAt),
            message: body.message,
          }),
        ),
    }),
    route({
      endpoint: api.listAbout,
      policy: SELF_OR_CHAIN,
      handler: async ({ viewer, params }) => ({
        requests: await present(await feedbackRequests.listAbout(viewer, params.id)),
      }),
    }),
    route({
      endpoint: api.close,
      // The service lets the person or a manager above them close it; to anyone else it does not exist.
      policy: AUTHENTICATED,
      handler: async ({ viewer, params }) => presentOne(await feedbackRequests.close(viewer, params.requestId)),
    }),
    route({
      endpoint: api.listMine,
      policy: AUTHENTICATED,
      handler: async ({ viewer }) => {
        const requests = await feedbackRequests.listAskedOf(viewer);
        const [people, levels] = await Promise.all([
          peopleByIds(requests.flatMap((r) => [r.subjectId, ...(r.requestedBy ? [r.requestedBy] : [])])),
          services.peopleService.levelIndex(),
        ]);
        return { requests: requests.map((request) => presentFeedbackInvitation(request, people, levels)) };
      },
    }),
  ];
}
