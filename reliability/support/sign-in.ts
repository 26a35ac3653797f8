import { ADMIN_PASSWORD } from "../../e2e/support/http-session.ts";

/** The headers a signed-in caller sends with a change: the session cookie and the CSRF token. */
export interface RawSession {
  personId: string;
  headers: Record<string, string>;
}

/** Redeems the first admin's link with plain fetch, for load tools that take fixed headers. */
export async function redeemFirstAdmin(baseUrl: string, link: string): Promise<RawSession> {
  const token = link.split("/welcome/")[1];
  const response = await fetch(`${baseUrl}/api/auth/links/${token}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ password: ADMIN_PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.getSetCookie().find((c) => c.startsWith("ascent_session=")) ?? "").split(";")[0];
  const info = (await response.json()) as { csrfToken: string; person: { id: string } };
  return {
    personId: info.person.id,
    headers: { cookie: cookie ?? "", "x-csrf-token": info.csrfToken, "content-type": "application/json" },
  };
}
