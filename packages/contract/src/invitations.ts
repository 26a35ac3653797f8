import { z } from "zod";
import { defineEndpoint } from "./endpoint.ts";
import { LIMITS } from "./limits.ts";

/**
 * Where a person stands with their invitation: never invited, invited with a link that still works,
 * invited with links that all expired, or signed up (an account with a password).
 */
export const ZInvitationState = z.enum(["not_invited", "invited", "expired", "accepted"]);

export const ZInvitationStatus = z
  .object({
    personId: z.uuid(),
    state: ZInvitationState,
    /** The latest invitation link's creation, or null when never invited. */
    invitedAt: z.iso.datetime().nullable(),
    /** When that link stops working. */
    expiresAt: z.iso.datetime().nullable(),
    /** When the person signed up (used an invitation or first set a password), or null. */
    acceptedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "InvitationStatus" });

const ZPersonIds = z.array(z.uuid()).min(1).max(LIMITS.bulkInvitePeople);

/** The people list's filter; only active people are ever invited. */
export const ZInvitationFilter = z.strictObject({
  search: z.string().max(LIMITS.shortText).optional().describe("Part of a name, email or title"),
  team: z.string().max(LIMITS.shortText).optional(),
  levelId: z.string().max(LIMITS.id).optional(),
});

export const ZBulkInviteBody = z
  .strictObject({
    personIds: ZPersonIds.optional().describe("The people to invite; or give filter"),
    filter: ZInvitationFilter.optional().describe("Everyone active the people list shows with this filter"),
    resend: z
      .boolean()
      .default(false)
      .describe("Also send a new link to people whose invitation still works; their earlier links stop working"),
    dryRun: z.boolean().default(false).describe("Only tell who would be invited; nothing is created or sent"),
  })
  .refine((body) => (body.personIds === undefined) !== (body.filter === undefined), {
    message: "give either personIds or filter",
    path: ["personIds"],
  });

export const ZInvitationSkipReason = z.enum(["signed_up", "already_invited", "inactive"]);

const ZInvitee = z.object({ id: z.uuid(), name: z.string(), email: z.string() });

export const ZBulkInviteResult = z
  .object({
    dryRun: z.boolean(),
    /** How the mails leave: over SMTP to each person alone, or into the outbox admins read. */
    transport: z.enum(["smtp", "outbox"]),
    invited: z.array(ZInvitee.extend({ expiresAt: z.iso.datetime() })),
    /** How many were left out, by reason. */
    skippedCounts: z.record(ZInvitationSkipReason, z.number().int()),
    /** Who was left out, at most LIMITS.bulkInvitePeople of them. */
    skipped: z.array(ZInvitee.extend({ reason: ZInvitationSkipReason, expiresAt: z.iso.datetime().nullable() })),
    /**
     * The new links as CSV (name, email, link, expires), only when the mails went to the outbox: over
     * SMTP each link reaches its person alone and is never shown to an admin.
     */
    linksCsv: z.string().nullable(),
  })
  .meta({ id: "BulkInviteResult" });

export const invitationEndpoints = {
  invite: defineEndpoint({
    operationId: "invitePeople",
    method: "POST",
    path: "/api/invitations",
    summary:
      "Invite active people who have not signed up, by id or by the people list's filter: one link and one mail each (admins)",
    tag: "people",
    body: ZBulkInviteBody,
    response: ZBulkInviteResult,
  }),
  statuses: defineEndpoint({
    operationId: "invitationStatuses",
    method: "POST",
    path: "/api/invitations/status",
    summary:
      "Where each of these people stands: not invited, invited (when, until), expired or signed up (admins); " +
      "ids of people who no longer exist are left out",
    tag: "people",
    body: z.strictObject({ personIds: ZPersonIds }),
    response: z.object({ statuses: z.array(ZInvitationStatus) }),
  }),
};

export type TInvitationState = z.infer<typeof ZInvitationState>;
export type TInvitationStatus = z.infer<typeof ZInvitationStatus>;
export type TBulkInviteBody = z.input<typeof ZBulkInviteBody>;
export type TBulkInviteResult = z.infer<typeof ZBulkInviteResult>;
