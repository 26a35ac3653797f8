import { z } from "zod";
import { defineEndpoint } from "./endpoint.ts";
import { ZPlainText } from "./plain-text.ts";
import { LIMITS } from "./limits.ts";

export const ZPersonRef = z.object({ id: z.uuid(), name: z.string(), email: z.string() });

export const ZSessionInfo = z
  .object({
    person: ZPersonRef,
    isAdmin: z.boolean(),
    /** Send back in the X-CSRF-Token header on every signed-in change. */
    csrfToken: z.string(),
    /**
     * Since when private content is sealed: an admin made a reset link and it was used. Show it at
     * sign-in; the person unseals with the password they had before (unsealPrivateContent).
     */
    privateSealedSince: z.string().nullable().optional(),
  })
  .meta({ id: "SessionInfo" });

export const ZSessionList = z.object({
  sessions: z.array(
    z.object({
      id: z.string(),
      userAgent: z.string(),
      ip: z.string(),
      createdAt: z.iso.datetime(),
      lastSeenAt: z.iso.datetime(),
      isCurrent: z.boolean(),
    }),
  ),
});

export const ZApiToken = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});

export const ZOneTimeLink = z.object({
  /** Path of the page that redeems the link; prefix it with the server's address. */
  path: z.string(),
  purpose: z.enum(["invite", "reset", "first-admin"]),
  expiresInDays: z.number().int(),
});

const ZPassword = z.string().min(1).max(LIMITS.passwordMax);
const ZToken = z.object({ token: z.string().min(LIMITS.tokenMin).max(LIMITS.tokenMax) });

export const authEndpoints = {
  login: defineEndpoint({
    operationId: "login",
    method: "POST",
    path: "/api/auth/login",
    summary: "Sign in with email and password; sets the session cookie",
    tag: "auth",
    body: z.strictObject({ email: z.string().min(3).max(LIMITS.email), password: ZPassword }),
    response: ZSessionInfo,
  }),
  session: defineEndpoint({
    operationId: "currentSession",
    method: "GET",
    path: "/api/auth/session",
    summary: "Who is signed in (401 when nobody)",
    tag: "auth",
    response: ZSessionInfo,
  }),
  logout: defineEndpoint({
    operationId: "logout",
    method: "POST",
    path: "/api/auth/logout",
    summary: "End this session",
    tag: "auth",
    response: z.null(),
    successStatus: 204,
  }),
  logoutEverywhere: defineEndpoint({
    operationId: "logoutEverywhere",
    method: "POST",
    path: "/api/auth/logout-everywhere",
    summary: "End every session of the signed-in person, this one included, and revoke their API tokens",
    tag: "auth",
    response: z.object({ ended: z.number().int(), tokensRevoked: z.number().int() }),
  }),
  describeLink: defineEndpoint({
    operationId: "describeOneTimeLink",
    method: "GET",
    path: "/api/auth/links/:token",
    summary: "What a one-time invite or reset link is for",
    tag: "auth",
    params: ZToken,
    response: z.object({ purpose: z.enum(["invite", "reset", "first-admin"]), name: z.string(), email: z.string() }),
  }),
  redeemLink: defineEndpoint({
    operationId: "redeemOneTimeLink",
    method: "POST",
    path: "/api/auth/links/:token",
    summary: "Choose a password through a one-time link and sign in",
    tag: "auth",
    params: ZToken,
    body: z.strictObject({ password: ZPassword }),
    response: ZSessionInfo,
  }),
  changePassword: defineEndpoint({
    operationId: "changePassword",
    method: "POST",
    path: "/api/account/password",
    summary: "Change your password; your other sessions end",
    tag: "account",
    body: z.strictObject({ currentPassword: ZPassword, newPassword: ZPassword }),
    response: z.null(),
    successStatus: 204,
  }),
  unsealPrivateContent: defineEndpoint({
    operationId: "unsealPrivateContent",
    method: "POST",
    path: "/api/account/unseal",
    summary:
      "After an admin-made password reset, unseal your private notes with the password you had before it " +
      "(409 when nothing is sealed)",
    tag: "account",
    body: z.strictObject({ previousPassword: ZPassword }),
    response: z.null(),
    successStatus: 204,
  }),
  listSessions: defineEndpoint({
    operationId: "listMySessions",
    method: "GET",
    path: "/api/account/sessions",
    summary: "Your active sessions",
    tag: "account",
    response: ZSessionList,
  }),
  revokeSession: defineEndpoint({
    operationId: "revokeMySession",
    method: "DELETE",
    path: "/api/account/sessions/:sessionId",
    summary: "End one of your sessions",
    tag: "account",
    params: z.object({ sessionId: z.string().min(1).max(LIMITS.secretId) }),
    response: z.null(),
    successStatus: 204,
  }),
  listTokens: defineEndpoint({
    operationId: "listMyApiTokens",
    method: "GET",
    path: "/api/account/tokens",
    summary: "Your API tokens (the secrets are never shown again)",
    tag: "account",
    response: z.object({ tokens: z.array(ZApiToken) }),
  }),
  createToken: defineEndpoint({
    operationId: "createApiToken",
    method: "POST",
    path: "/api/account/tokens",
    summary: "Create an API token with your rights; the secret is shown once",
    tag: "account",
    body: z.strictObject({ name: ZPlainText.min(1).max(LIMITS.label) }),
    response: z.object({ token: z.string(), apiToken: ZApiToken }),
    successStatus: 201,
  }),
  revokeToken: defineEndpoint({
    operationId: "revokeApiToken",
    method: "DELETE",
    path: "/api/account/tokens/:tokenId",
    summary: "Revoke one of your API tokens",
    tag: "account",
    params: z.object({ tokenId: z.string().min(1).max(LIMITS.secretId) }),
    response: z.null(),
    successStatus: 204,
  }),
  createLink: defineEndpoint({
    operationId: "createOneTimeLink",
    method: "POST",
    path: "/api/people/:id/links",
    summary: "Admin: make a one-time invite or password-reset link for a person, to copy and pass on",
    tag: "account",
    params: z.object({ id: z.uuid() }),
    body: z.strictObject({ purpose: z.enum(["invite", "reset"]) }),
    response: ZOneTimeLink,
    successStatus: 201,
  }),
};

export type TSessionInfo = z.infer<typeof ZSessionInfo>;
