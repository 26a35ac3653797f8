import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = new URL("../..", import.meta.url).pathname;

/** Runs `ascent serve` with extra environment and returns how it ended: it must stop before listening. */
function serveWith(env: Record<string, string>, dataDir: string): Promise<{ code: number | null; output: string }> {
  const child = spawn("node", ["apps/cli/bin/ascent.js", "serve", "--port", "0"], {
    cwd: root,
    env: { ...process.env, ASCENT_DATA_DIR: dataDir, ASCENT_DEMO: "0", ...env },
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, output })));
}

describe("ascent serve refuses bad mail and webhook settings at start, naming the setting", () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "ascent-serve-config-"));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it.each([
    [{ SMTP_URL: "mail.example.org:25" }, /^ascent: error: SMTP_URL must start with smtp:\/\/ or smtps:\/\//m],
    [{ SMTP_URL: "smtp://user:s3cret word@[bad" }, /^ascent: error: SMTP_URL is not a URL/m],
    [{ MAIL_FROM: "Ascent" }, /^ascent: error: MAIL_FROM is not an e-mail address: "Ascent"/m],
    [{ ASCENT_WEBHOOK_ALLOW_HTTP: "yes" }, /^ascent: error: ASCENT_WEBHOOK_ALLOW_HTTP must be 1 or 0/m],
  ])("%o", async (env, message) => {
    const { code, output } = await serveWith(env, dataDir);
    expect(code).toBe(1);
    expect(output).toMatch(message);
    // One line for a person, no stack trace, and never the SMTP password.
    expect(output).not.toMatch(/^\s+at /m);
    expect(output).not.toContain("s3cret");
    expect(output).not.toContain("Ascent is running");
  });
});
