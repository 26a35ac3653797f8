import { ADMIN } from "@ascent/core";
import { endpoints } from "@ascent/contract";
import { route, type RouteSpec } from "../route-table.ts";
import type { AppServices } from "../composition-root.ts";
import { presentBulkInvite, presentInvitationStatus } from "../presenters/invitations.ts";

export function invitationsRoutes(services: Pick<AppServices, "invitations">): RouteSpec[] {
  const api = endpoints.invitations;
  const { invitations } = services;
  return [
    route({
      endpoint: api.invite,
      policy: ADMIN,
      handler: async ({ viewer, body }) => {
        const selection = body.personIds ? { personIds: body.personIds } : { filter: body.filter ?? {} };
        const outcome = await invitations.invite(viewer, selection, { resend: body.resend, dryRun: body.dryRun });
        return presentBulkInvite(outcome);
      },
    }),
    route({
      endpoint: api.statuses,
      policy: ADMIN,
      handler: async ({ viewer, body }) => ({
        statuses: (await invitations.statuses(viewer, body.personIds)).map(presentInvitationStatus),
      }),
    }),
  ];
}
