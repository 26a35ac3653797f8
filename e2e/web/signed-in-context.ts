import type { Browser, BrowserContext } from "playwright-core";
import { ADMIN_PASSWORD } from "../support/http-session.ts";
import type { TestServer } from "../support/test-server.ts";

/**
 * A browser context signed in as the server's first admin: the one-time link is redeemed through
 * the context's own request API, so the session cookie is the browser's, exactly as after signing in.
 */
export async function signedInContext(
  browser: Browser,
  server: TestServer,
  options: { viewport?: { width: number; height: number } } = {},
): Promise<BrowserContext> {
  const token = server.firstAdminLink?.split("/welcome/")[1];
  if (!token) throw new Error("the server was not started on an empty database");
  const context = await browser.newContext(options.viewport ? { viewport: options.viewport } : {});
  const response = await context.request.post(`${server.url}/api/auth/links/${token}`, {
    data: { password: ADMIN_PASSWORD },
  });
  if (!response.ok()) throw new Error(`sign-in failed: ${response.status()} ${await response.text()}`);
  return context;
}
