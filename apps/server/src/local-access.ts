import { chmod, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * How the `ascent` command on the same machine finds a running server and acts on it: a file in
 * the data folder with the server's address and an admin API token, readable by its owner only.
 * Whoever can read it could read the database files beside it, so it gives away nothing more.
 */
export const LOCAL_ACCESS_FILE = "server.json";

export interface LocalAccess {
  url: string;
  version: string;
  pid: number;
  /** An API token of an admin; null when the database has no active admin to issue it for. */
  token: string | null;
  /** The token's id and owner, so that a later start can revoke a token left behind by a crash. */
  tokenId: string | null;
  personId: string | null;
  /** Who the token acts as, for the command's messages. */
  actorName: string | null;
}

export function localAccessPath(dataDir: string): string {
  return join(dataDir, LOCAL_ACCESS_FILE);
}

function isLocalAccess(value: unknown): value is LocalAccess {
  const file = value as Partial<LocalAccess> | null;
  return typeof file?.url === "string" && typeof file.version === "string" && typeof file.pid === "number";
}

/** The file's contents, or null when there is none or it cannot be read as one. */
export async function readLocalAccess(dataDir: string): Promise<LocalAccess | null> {
  try {
    const parsed: unknown = JSON.parse(await readFile(localAccessPath(dataDir), "utf8"));
    return isLocalAccess(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/** Written whole under another name, then renamed: a reader never sees half a file. */
export async function writeLocalAccess(dataDir: string, access: LocalAccess): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  const path = localAccessPath(dataDir);
  const partial = `${path}.${process.pid}.tmp`;
  await writeFile(partial, `${JSON.stringify(access, null, 2)}\n`, { mode: 0o600 });
  // The mode above is subject to the umask, which could only narrow it; chmod states it outright.
  await chmod(partial, 0o600);
  await rename(partial, path);
}

/** Removes the file only while it is still this process's: a later server may have replaced it. */
export async function removeLocalAccess(dataDir: string, pid = process.pid): Promise<void> {
  const current = await readLocalAccess(dataDir);
  if (current?.pid === pid) await rm(localAccessPath(dataDir), { force: true });
}

export function isProcessRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

interface LocalTokenIssuer {
  createLocalAdminToken(
    name: string,
  ): Promise<{ token: string; record: { id: string; personId: string }; person: { name: string } } | null>;
  revokeApiToken(personId: string, id: string): Promise<void>;
}

export interface PublishedLocalAccess {
  access: LocalAccess;
  /** Revokes the token and removes the file; for a clean shutdown, while the database is still open. */
  withdraw(): Promise<void>;
}

/**
 * Issues a fresh admin token and writes the file for the command line. A file left by a server that
 * died without shutting down has its token revoked first, so that crashes leave no live token behind.
 */
export async function publishLocalAccess(
  dataDir: string,
  server: { url: string; version: string },
  accounts: LocalTokenIssuer,
): Promise<PublishedLocalAccess> {
  const previous = await readLocalAccess(dataDir);
  if (previous?.tokenId && previous.personId && !isProcessRunning(previous.pid)) {
    await accounts.revokeApiToken(previous.personId, previous.tokenId).catch(() => undefined);
  }
  const issued = await accounts.createLocalAdminToken(`server pid ${process.pid}`);
  const access: LocalAccess = {
    url: server.url,
    version: server.version,
    pid: process.pid,
    token: issued?.token ?? null,
    tokenId: issued?.record.id ?? null,
    personId: issued?.record.personId ?? null,
    actorName: issued?.person.name ?? null,
  };
  await writeLocalAccess(dataDir, access);
  return {
    access,
    async withdraw() {
      await removeLocalAccess(dataDir);
      if (issued) await accounts.revokeApiToken(issued.record.personId, issued.record.id);
    },
  };
}
