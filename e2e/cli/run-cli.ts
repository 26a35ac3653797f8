import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const BUILTIN_LADDER = "frameworks/product-management.yaml";

export interface CliRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real `ascent` binary from the repository root, as a user would. The embedded database
 * lives in `dataDir`; DATABASE_URL is removed so that no test reaches a shared PostgreSQL, unless `env` sets it.
 */
export function runCli(
  args: readonly string[],
  options: { dataDir: string; cwd?: string; env?: Record<string, string> },
): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, ASCENT_DATA_DIR: options.dataDir, NO_COLOR: "1" };
  delete env.DATABASE_URL;
  Object.assign(env, options.env);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`${REPO_ROOT}apps/cli/bin/ascent.js`, ...args], {
      cwd: options.cwd ?? REPO_ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (exitCode) => resolve({ exitCode, stdout, stderr }));
  });
}
