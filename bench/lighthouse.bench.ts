// Lighthouse 12 on the built web app, served by the real server on the demo organisation: sign-in,
// My growth and My team, on the mobile (default) and desktop profiles. Goals (issue 13):
// performance ≥ 90 on mobile and ≥ 98 on desktop, accessibility 100 on every page.
// Chromium comes from CHROME_PATH (default /usr/bin/chromium). The machine's load average is printed
// with the figures: Lighthouse's CPU throttling multiplies whatever else the machine is doing.
//
//   npm run bench -- lighthouse          (RUNS=1 for one run per page and profile; the median is kept)
import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { type Config } from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { openPglite } from "@ascent/db";
import { buildApp, buildServices, prepareDatabase } from "@ascent/server";

const CHROME_PATH = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const RUNS = Number(process.env.RUNS ?? 3);
const GOAL = { mobile: 90, desktop: 98, accessibility: 100 };
const root = new URL("..", import.meta.url).pathname;

interface Score {
  performance: number;
  accessibility: number;
  lcpMs: number;
  tbtMs: number;
}

const build = spawnSync("npm", ["run", "build", "-w", "apps/web"], { cwd: root, stdio: "ignore" });
if (build.status !== 0) throw new Error("the web app did not build (npm run build -w apps/web)");

const dir = await mkdtemp(join(tmpdir(), "ascent-bench-lighthouse-"));
const database = await openPglite(join(dir, "pglite"));
const services = buildServices(database);
const { demoLogins } = await prepareDatabase(database, { loadDemo: true }, services);
const director = demoLogins?.logins.find((login) => login.persona.startsWith("Director"));
if (!demoLogins || !director) throw new Error("the demo organisation has no Director login");
const app = await buildApp({ database, services, logLevel: "silent", webDist: join(root, "apps/web/dist") });
await app.listen({ host: "127.0.0.1", port: 0 });
const address = app.server.address();
if (!address || typeof address === "string") throw new Error("the server has no TCP address");
const baseUrl = `http://127.0.0.1:${address.port}`;
await app.readinessWarmer?.idle();

const signIn = await fetch(`${baseUrl}/api/auth/login`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ email: director.email, password: demoLogins.password }),
});
const cookie = signIn.headers.get("set-cookie")?.split(";")[0];
if (signIn.status !== 200 || !cookie) throw new Error(`sign-in as ${director.email} failed: ${signIn.status}`);

const pages = [
  { name: "sign-in", path: "/login", cookie: undefined },
  { name: "My growth", path: "/growth", cookie },
  { name: "My team", path: "/team", cookie },
] as const;
const profiles = [
  { name: "mobile", config: undefined as Config | undefined, goal: GOAL.mobile },
  { name: "desktop", config: desktopConfig as Config, goal: GOAL.desktop },
] as const;

const chrome = await chromeLauncher.launch({
  chromePath: CHROME_PATH,
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
});
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
let isMet = true;
try {
  console.log(
    `lighthouse ${RUNS} run(s) per page and profile (median kept), as ${director.title}; ` +
      `load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}\n`,
  );
  console.log("| page | profile | performance | accessibility | LCP | total blocking time | goals |");
  console.log("|---|---|---|---|---|---|---|");
  for (const profile of profiles) {
    for (const page of pages) {
      const scores: Score[] = [];
      for (let run = 0; run < RUNS; run++) {
        const result = await lighthouse(
          `${baseUrl}${page.path}`,
          {
            port: chrome.port,
            output: "json",
            logLevel: "error",
            onlyCategories: ["performance", "accessibility"],
            ...(page.cookie ? { extraHeaders: { Cookie: page.cookie } } : {}),
          },
          profile.config,
        );
        const lhr = result?.lhr;
        if (!lhr) throw new Error(`lighthouse returned nothing for ${page.path}`);
        if (lhr.finalDisplayedUrl && !lhr.finalDisplayedUrl.endsWith(page.path)) {
          throw new Error(`${page.path} ended on ${lhr.finalDisplayedUrl}: not signed in?`);
        }
        scores.push({
          performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
          accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
          lcpMs: lhr.audits["largest-contentful-paint"]?.numericValue ?? 0,
          tbtMs: lhr.audits["total-blocking-time"]?.numericValue ?? 0,
        });
      }
      const score = {
        performance: median(scores.map((s) => s.performance)),
        accessibility: median(scores.map((s) => s.accessibility)),
        lcpMs: median(scores.map((s) => s.lcpMs)),
        tbtMs: median(scores.map((s) => s.tbtMs)),
      };
      const misses = [
        ...(score.performance < profile.goal ? [`performance < ${profile.goal}`] : []),
        ...(score.accessibility < GOAL.accessibility ? [`accessibility < ${GOAL.accessibility}`] : []),
      ];
      if (misses.length) isMet = false;
      console.log(
        `| ${page.name} | ${profile.name} | ${score.performance} | ${score.accessibility} | ` +
          `${(score.lcpMs / 1000).toFixed(1)} s | ${Math.round(score.tbtMs)} ms | ${misses.length ? `✗ ${misses.join(", ")}` : "✓"} |`,
      );
    }
  }
  console.log(
    `\nload average after: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
  );
} finally {
  chrome.kill();
  await app.close();
  await database.close();
  await rm(dir, { recursive: true, force: true });
}
process.exitCode = isMet ? 0 : 1;
