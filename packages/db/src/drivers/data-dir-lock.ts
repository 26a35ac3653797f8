import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { AppError } from "@ascent/core";

const LOCK_FILE = "ascent.lock";
const heldHere = new Set<string>();

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readLockPid(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, "utf8").trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * PGlite is single-process: two processes writing one data folder would corrupt it. A pid file
 * refuses a second opener while the first lives, and a stale file from a crash is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, LOCK_FILE);
  const holder = readLockPid(path);
  const isHeld = heldHere.has(dataDir) || (holder !== undefined && holder !== process.pid && isRunning(holder));
  if (isHeld) {
    throw new AppError(
      "conflict",
      `The embedded database in ${dataDir} is in use by another Ascent process${holder ? ` (pid ${holder})` : ""}. ` +
        "Stop it first, or set DATABASE_URL to use PostgreSQL, which several processes can share.",
    );
  }
  writeFileSync(path, String(process.pid));
  heldHere.add(dataDir);
  return () => {
    heldHere.delete(dataDir);
    if (readLockPid(path) === process.pid) rmSync(path, { force: true });
  };
}
