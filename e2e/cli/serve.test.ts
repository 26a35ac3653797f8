import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpSession } from "../support/http-session.ts";

const root = new URL("../..", import.meta.url).pathname;

interface Serve {
  child: ChildProcessWithoutNullStreams;
  url: string;
  stdout: () => string;
}

function envWithout(keys: string[], extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  for (const key of keys) delete env[key];
  return env;
}

/** Runs `ascent serve` as a real process and waits for the URL it prints. */
function startServe(env: NodeJS.ProcessEnv): Promise<Serve> {
  const child = spawn("node", ["apps/cli/bin/ascent.js", "serve"], { cwd: root, env });
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL within 30 s:\n${out}`)), 30_000);
    const check = () => {
      const match = /Ascent is running at (http:\/\/\S+)/.exec(out);
      if (match?.[1] && out.includes("Press Ctrl+C")) {
        clearTimeout(timer);
        resolve({ child, url: match[1], stdout: () => out });
      }
    };
    child.stdout.on("data", check);
    child.on("exit", (code) => reject(new Error(`serve exited with ${code}:\n${out}`)));
  });
}

function waitForExit(child: ChildProcessWithoutNullStreams): Promise<{ code: number | null; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, ms: Date.now() - started })));
}

describe("ascent serve", { timeout: 120_000 }, () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "ascent-serve-"));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  const env = () =>
    envWithout(["DATABASE_URL"], { PORT: "0", ASCENT_DATA_DIR: dataDir, ASCENT_DEMO: "0", LOG_LEVEL: "warn" });

  it("serves the app, keeps data across a restart, and exits 0 on SIGTERM within 5 s", async () => {
    const first = await startServe(env());
    const link = /(http:\/\/\S+\/welcome\/\S+)/.exec(first.stdout())?.[1];
    expect(link, "first start prints a one-time admin link").toBeDefined();
    const page = await fetch(first.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');

    const admin = await new HttpSession(first.url).redeem(link as string, "a-long-admin-password");
    const draft = await admin.fetch("/api/frameworks/product-management/draft", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ note: "kept across restarts" }),
    });
    expect(draft.status).toBe(201);

    const exit = waitForExit(first.child);
    first.child.kill("SIGTERM");
    const { code, ms } = await exit;
    expect(code).toBe(0);
    expect(ms).toBeLessThan(5000);

    const second = await startServe(env());
    try {
      expect(second.stdout()).not.toContain("/welcome/");
      const again = await new HttpSession(second.url).login("admin@ascent.local", "a-long-admin-password");
      const detail = await (await again.fetch("/api/frameworks/product-management")).json();
      expect(detail.draftVersion).toBe(2);
      expect(detail.versions.at(-1).note).toBe("kept across restarts");
    } finally {
      const stopped = waitForExit(second.child);
      second.child.kill("SIGTERM");
      expect((await stopped).code).toBe(0);
    }
  });

  it("fails with one line naming DATABASE_URL when the database is unreachable", async () => {
    const child = spawn("node", ["apps/cli/bin/ascent.js", "serve"], {
      cwd: root,
      env: { ...env(), DATABASE_URL: "postgres://nobody@127.0.0.1:9/nowhere" },
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const { code } = await waitForExit(child);
    expect(code).toBe(1);
    const lines = stderr.trim().split("\n");
    expect(lines[0]).toMatch(
      /^ascent: error: Cannot reach the database at DATABASE_URL \(postgres:\/\/nobody@127\.0\.0\.1:9\/nowhere\)/,
    );
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
