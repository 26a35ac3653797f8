import { startTestServer } from "../support/test-server.ts";
import { launchBrowser, collectPageErrors, runAxe } from "../support/browser.ts";

const server = await startTestServer();
const browser = await launchBrowser();
try {
  for (const [name, width] of [
    ["desktop", 1280],
    ["mobile", 390],
  ] as const) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const errors = collectPageErrors(page);
    for (const path of ["/frameworks", "/frameworks/product-management", "/ladder", "/about", "/nope"]) {
      await page.goto(server.url + path);
      await page.waitForLoadState("networkidle");
      const file = `/tmp/ascent-shots/${name}-${path.replace(/\W+/g, "_")}.png`;
      await page.screenshot({ path: file, fullPage: true });
      const v = await runAxe(page);
      console.log(file, await page.title(), JSON.stringify(v));
    }
    await page.route("**/api/frameworks", (r) => r.fulfill({ json: { frameworks: [] } }));
    await page.goto(server.url + "/frameworks");
    await page.getByText("No frameworks yet").waitFor();
    await page.screenshot({ path: `/tmp/ascent-shots/${name}-empty.png`, fullPage: true });
    await page.unroute("**/api/frameworks");
    await page.route("**/api/frameworks", (r) =>
      r.fulfill({ status: 500, json: { error: "internal", message: "The database is not reachable." } }),
    );
    await page.goto(server.url + "/frameworks");
    await page.getByRole("button", { name: "Retry" }).waitFor();
    await page.screenshot({ path: `/tmp/ascent-shots/${name}-error.png`, fullPage: true });
    console.log("errors", errors);
  }
} finally {
  await browser.close();
  await server.stop();
}
