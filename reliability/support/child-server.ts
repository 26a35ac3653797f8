import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { HttpSession, ADMIN_PASSWORD } from "../../e2e/support/http-session.ts";

const ROOT = new URL("../../", import.meta.url).pathname;

/** Where the server keeps its data: an embedded data folder or a PostgreSQL database. */
export type Storage = { dataDir: string } | { databaseUrl: string };

/** `ascent serve` as a real child process on 127.0.0.1, which can be killed with SIGKILL. */
export interface ChildServer {
  url: string;
  pid: number;
  /** The first admin's one-time link on a first start, otherwise null. */
  firstAdminLink: string | null;
  /** VmRSS of the server process, in kB. */
  rssKb(): number;
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

/** Starts `node apps/cli/bin/ascent.js serve` on a free port and waits for its address. */
export async function startChildServer(storage: Storage, timeoutMs = 120_000): Promise<ChildServer> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: "127.0.0.1",
    PORT: "0",
    LOG_LEVEL: "error",
    ASCENT_DEMO: "0",
    NODE_ENV: "production",
  };
  delete env.DATABASE_URL;
  if ("dataDir" in storage) env.ASCENT_DATA_DIR = storage.dataDir;
  else env.DATABASE_URL = storage.databaseUrl;
  const child = spawn(process.execPath, [`${ROOT}apps/cli/bin/ascent.js`, "serve"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const check = () => {
      const match = /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on("data", check);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  // The link is printed right after the address.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const link = /(http:\/\/\S+\/welcome\/\S+)/.exec(output)?.[1] ?? null;
  const pid = child.pid as number;
  return {
    url,
    pid,
    firstAdminLink: link,
    rssKb() {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    },
    async kill9() {
      child.kill("SIGKILL");
      await exited(child);
    },
    async stop() {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited(child);
      clearTimeout(timer);
    },
  };
}

/** Signs in as the first admin through the link a first start printed. */
export async function signInFirstAdmin(server: ChildServer): Promise<HttpSession> {
  if (!server.firstAdminLink) throw new Error("the server was not started on an empty database");
  return new HttpSession(server.url).redeem(server.firstAdminLink, ADMIN_PASSWORD);
}

/** Prints one figure in the form the runner collects. */
export function printFigure(name: string, text: string, isMet: boolean): void {
  process.stdout.write(`FIGURE ${name}: ${text} — goal ${isMet ? "met" : "NOT met"}\n`);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
