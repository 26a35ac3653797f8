import { createApiClient, type ApiClient, type TSessionInfo } from "@ascent/contract";

/**
 * A signed-in browser-like caller over real HTTP: keeps the session cookie and sends the CSRF
 * header on changes, as the web app does.
 */
export class HttpSession {
  private cookie = "";
  info: TSessionInfo | undefined;
  readonly client: ApiClient;

  constructor(readonly baseUrl: string) {
    this.client = createApiClient({ baseUrl, fetch: (input, init) => this.fetch(String(input), init) });
  }

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set("cookie", this.cookie);
    if (this.info && init.method && init.method !== "GET") headers.set("x-csrf-token", this.info.csrfToken);
    const response = await fetch(url.startsWith("http") ? url : `${this.baseUrl}${url}`, { ...init, headers });
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith("ascent_session="));
    if (setCookie) this.cookie = setCookie.split(";")[0] ?? "";
    return response;
  }

  private async expectSignedIn(response: Response): Promise<this> {
    if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
    this.info = (await response.json()) as TSessionInfo;
    return this;
  }

  async login(email: string, password: string): Promise<this> {
    return this.expectSignedIn(
      await this.fetch("/api/auth/login", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, password }),
      }),
    );
  }

  async redeem(linkPathOrUrl: string, password: string): Promise<this> {
    const token = linkPathOrUrl.split("/welcome/")[1];
    if (!token) throw new Error(`not a one-time link: ${linkPathOrUrl}`);
    return this.expectSignedIn(
      await this.fetch(`/api/auth/links/${token}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ password }),
      }),
    );
  }
}

export const ADMIN_PASSWORD = "admin-password-for-tests";

/** Signs in as the administrator created on the server's first start. */
export async function signInAsFirstAdmin(server: { url: string; firstAdminLink: string | null }): Promise<HttpSession> {
  if (!server.firstAdminLink) throw new Error("the server was not started on an empty database");
  return new HttpSession(server.url).redeem(server.firstAdminLink, ADMIN_PASSWORD);
}
