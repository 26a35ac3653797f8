import { spawn } from "node:child_process";
import { AppError } from "@ascent/core";
import type { DatabaseSnapshot } from "../database.ts";

/** The URL without its password, and the password apart: it goes by environment, never on a command line. */
function splitCredentials(url: string): { url: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  return { url: parsed.toString(), env: password ? { ...process.env, PGPASSWORD: password } : process.env };
}

function run(tool: string, args: string[], env: NodeJS.ProcessEnv, input?: Uint8Array): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", (error: NodeJS.ErrnoException) => {
      const reason =
        error.code === "ENOENT"
          ? `${tool} is not installed (Debian: apt-get install postgresql-client)`
          : `${tool} could not start: ${error.message}`;
      reject(new AppError("internal", reason));
    });
    child.on("close", (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else {
        const message = Buffer.concat(err).toString("utf8").trim().split("\n").slice(0, 3).join(" ");
        reject(new AppError("internal", `${tool} failed (exit ${code}): ${message}`));
      }
    });
    child.stdin.end(input ? Buffer.from(input) : undefined);
  });
}

/**
 * pg_dump in custom format: one consistent snapshot (a single repeatable-read transaction). The job
 * queue's own schema stays out (decisions/0007): pg-boss makes it again at its first start, and its
 * partitioned tables cannot be dropped one by one by a forced restore.
 */
export async function pgDump(databaseUrl: string): Promise<DatabaseSnapshot> {
  const { url, env } = splitCredentials(databaseUrl);
  const bytes = await run(
    "pg_dump",
    ["--format=custom", "--no-owner", "--no-privileges", "--exclude-schema=pgboss", `--dbname=${url}`],
    env,
  );
  return { format: "pg_dump-custom", bytes: new Uint8Array(bytes) };
}

/** pg_restore in one transaction: on any error nothing of the dump stays in the target. */
export async function pgRestore(databaseUrl: string, dump: Uint8Array, options: { clean: boolean }): Promise<void> {
  const { url, env } = splitCredentials(databaseUrl);
  const args = ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", `--dbname=${url}`];
  if (options.clean) args.push("--clean", "--if-exists");
  await run("pg_restore", args, env, dump);
}
