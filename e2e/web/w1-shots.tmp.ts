import { startTestServer } from "../support/test-server.ts";
import { launchBrowser, collectPageErrors, runAxe } from "../support/browser.ts";

const server = await startTestServer();
const browser = await launchBrowser();
const shot = (name: string) => `/tmp/ascent-shots/w1-${name}.png`;
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(server.url + "/frameworks");
  await page.waitForURL(/\/login/);
  await page.getByRole("heading", { name: "Sign in" }).waitFor();
  await page.screenshot({ path: shot("login"), fullPage: true });
  console.log("login axe", JSON.stringify(await runAxe(page)));
  await page.goto(server.firstAdminLink!);
  await page.getByRole("heading", { name: "Welcome to Ascent" }).waitFor();
  await page.screenshot({ path: shot("welcome"), fullPage: true });
  console.log("welcome axe", JSON.stringify(await runAxe(page)));
  await page.getByLabel("New password").fill("admin-password-for-tests");
  await page.getByLabel("Type it again").fill("admin-password-for-tests");
  await page.getByRole("button", { name: "Set password and sign in" }).click();
  await page.waitForURL(server.url + "/frameworks");
  await page.getByRole("link", { name: "Product Management" }).waitFor();
  await page.screenshot({ path: shot("frameworks"), fullPage: true });
  for (const [name, path, wait] of [
    ["ladder", "/ladder", "Strategic thinking"],
    ["level", "/ladder/levels/director", "What Director of Product expects"],
    ["compare", "/ladder/compare?from=pm&to=director", "Strategic thinking"],
    ["about", "/about", "Sources"],
    ["account", "/account", "API tokens"],
    ["detail", "/frameworks/product-management", "Version history"],
    ["import", "/frameworks/import", "Import a ladder"],
  ] as const) {
    await page.goto(server.url + path);
    await page.getByText(wait).first().waitFor();
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: shot(name), fullPage: true });
    console.log(name, "axe", JSON.stringify(await runAxe(page)));
  }
  await page.goto(server.url + "/ladder");
  await page.getByRole("button", { name: /Strategic thinking at Senior Product Manager/ }).click();
  await page.getByRole("dialog").waitFor();
  await page.screenshot({ path: shot("dialog") });
  console.log("dialog axe", JSON.stringify(await runAxe(page)));
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Administrator" }).click();
  await page.screenshot({ path: shot("menu") });
  console.log("errors", errors);
  const m = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await m.context().addCookies(await context.cookies());
  for (const path of ["/ladder", "/ladder/compare?from=pm&to=director", "/account"]) {
    await m.goto(server.url + path);
    await m.waitForLoadState("networkidle");
    await m.screenshot({ path: shot("m" + path.replace(/\W+/g, "_")), fullPage: true });
    console.log("mobile", path, await m.evaluate(() => document.documentElement.scrollWidth - window.innerWidth));
  }
} finally {
  await browser.close();
  await server.stop();
}
