import { startTestServer } from "../support/test-server.ts";
import { launchBrowser, collectPageErrors } from "../support/browser.ts";
import { signedInContext } from "./signed-in-context.ts";
const server = await startTestServer({ demo: true });
const browser = await launchBrowser();
try {
  const context = await signedInContext(browser, server, { viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(server.url + "/people?q=Annika");
  await page.getByRole("link", { name: "Annika Novak" }).click();
  await page.waitForTimeout(2000);
  await page.screenshot({ path: `/tmp/ascent-shots/w2-person.png`, fullPage: true });
  console.log(page.url(), "errors", errors);
} finally { await browser.close(); await server.stop(); }
