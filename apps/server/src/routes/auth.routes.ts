import { AppError, ADMIN, AUTHENTICATED, PUBLIC, type AccountService, type SignedIn } from "@ascent/core";
import { endpoints } from "@ascent/contract";
import type { FastifyReply, FastifyRequest } from "fastify";
import { route } from "../route-table.ts";
import { clearSessionCookie, setSessionCookie } from "../auth/session-cookie.ts";

function clientInfo(request: FastifyRequest) {
  return { ip: request.ip, userAgent: request.headers["user-agent"] ?? "" };
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

function presentSignedIn(request: FastifyRequest, reply: FastifyReply, signedIn: SignedIn) {
  setSessionCookie(request, reply, signedIn.sessionToken);
  const { person } = signedIn;
  return {
    person: { id: person.id, name: person.name, email: person.email },
    isAdmin: signedIn.isAdmin,
    csrfToken: signedIn.csrfToken,
    privateSealedSince: iso(signedIn.privateSealedAt),
  };
}

export function authRoutes(accounts: AccountService) {
  const api = endpoints.auth;
  return [
    route({
      endpoint: api.login,
      policy: PUBLIC,
      handler: async ({ body, request, reply }) => {
        const signedIn = await accounts.login(body.email, body.password, clientInfo(request));
        return presentSignedIn(request, reply, signedIn);
      },
    }),
    route({
      endpoint: api.session,
      policy: AUTHENTICATED,
      handler: async ({ viewer, request }) => {
        if (!request.session)
          throw new AppError("unauthenticated", "No browser session: API tokens have no CSRF token");
        const person = { id: viewer.personId, name: viewer.name, email: "" };
        const signedInPerson = await accounts.personOf(viewer.personId);
        return {
          person: { ...person, email: signedInPerson?.email ?? "" },
          isAdmin: viewer.isAdmin,
          csrfToken: request.session.csrfToken,
          privateSealedSince: iso(viewer.privateSealedAt ?? null),
        };
      },
    }),
    route({
      endpoint: api.logout,
      policy: PUBLIC,
      handler: async ({ request, reply }) => {
        if (request.sessionToken) await accounts.logout(request.sessionToken);
        clearSessionCookie(reply);
        return null;
      },
    }),
    route({
      endpoint: api.logoutEverywhere,
      policy: AUTHENTICATED,
      handler: async ({ viewer, reply }) => {
        const { ended, tokensRevoked } = await accounts.logoutEverywhere(viewer.personId);
        clearSessionCookie(reply);
        return { ended, tokensRevoked };
      },
    }),
    route({
      endpoint: api.describeLink,
      policy: PUBLIC,
      handler: async ({ params }) => accounts.describeLink(params.token),
    }),
    route({
      endpoint: api.redeemLink,
      policy: PUBLIC,
      handler: async ({ params, body, request, reply }) => {
        const signedIn = await accounts.redeemLink(params.token, body.password, clientInfo(request));
        return presentSignedIn(request, reply, signedIn);
      },
    }),
    route({
      endpoint: api.changePassword,
      policy: AUTHENTICATED,
      handler: async ({ viewer, body, request }) => {
        await accounts.changePassword(
          viewer.personId,
          body.currentPassword,
          body.newPassword,
          request.session?.tokenHash,
        );
        return null;
      },
    }),
    route({
      endpoint: api.unsealPrivateContent,
      policy: AUTHENTICATED,
      handler: async ({ viewer, body, request }) => {
        await accounts.unsealPrivateContent(viewer, body.previousPassword, request.session?.tokenHash);
        return null;
      },
    }),
    route({
      endpoint: api.listSessions,
      policy: AUTHENTICATED,
      handler: async ({ viewer, request }) => ({
        sessions: (await accounts.listSessions(viewer.personId, request.session?.tokenHash)).map((s) => ({
          ...s,
          createdAt: s.createdAt.toISOString(),
          lastSeenAt: s.lastSeenAt.toISOString(),
        })),
      }),
    }),
    route({
      endpoint: api.revokeSession,
      policy: AUTHENTICATED,
      handler: async ({ viewer, params }) => {
        await accounts.revokeSession(viewer.personId, params.sessionId);
        return null;
      },
    }),
    route({
      endpoint: api.listTokens,
      policy: AUTHENTICATED,
      handler: async ({ viewer }) => ({
        tokens: (await accounts.listApiTokens(viewer.personId)).map((t) => ({
          id: t.id,
          name: t.name,
          createdAt: t.createdAt.toISOString(),
          lastUsedAt: iso(t.lastUsedAt),
          revokedAt: iso(t.revokedAt),
        })),
      }),
    }),
    route({
      endpoint: api.createToken,
      policy: AUTHENTICATED,
      handler: async ({ viewer, body }) => {
        const { token, record } = await accounts.createApiToken(viewer.personId, body.name, viewer.via);
        return {
          token,
          apiToken: {
            id: record.id,
            name: record.name,
            createdAt: record.createdAt.toISOString(),
            lastUsedAt: null,
            revokedAt: null,
          },
        };
      },
    }),
    route({
      endpoint: api.revokeToken,
      policy: AUTHENTICATED,
      handler: async ({ viewer, params }) => {
        await accounts.revokeApiToken(viewer.personId, params.tokenId);
        return null;
      },
    }),
    route({
      endpoint: api.createLink,
      policy: ADMIN,
      handler: async ({ viewer, params, body }) => {
        const token = await accounts.createOneTimeLink(params.id, body.purpose, viewer);
        return { path: `/welcome/${token}`, purpose: body.purpose, expiresInDays: 7 };
      },
    }),
  ];
}
