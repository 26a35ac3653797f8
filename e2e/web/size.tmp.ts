import { gzipSync } from "node:zlib";
import { readFileSync } from "node:fs";
import { startTestServer } from "../support/test-server.ts";
import { launchBrowser } from "../support/browser.ts";
import { signedInContext } from "./signed-in-context.ts";
const server = await startTestServer();
const browser = await launchBrowser();
try {
  const context = await signedInContext(browser, server);
  const page = await context.newPage();
  const files: string[] = [];
  page.on("request", (r) => { const u = new URL(r.url()); if (u.pathname.endsWith(".js")) files.push(u.pathname); });
  await page.goto(server.url + "/frameworks");
  await page.getByRole("link", { name: "Product Management" }).waitFor();
  let total = 0;
  for (const f of files) { const n = gzipSync(readFileSync(process.env.ASCENT_WEB_DIST + f)).length; total += n; console.log(n, f); }
  console.log("total", total);
} finally { await browser.close(); await server.stop(); }
