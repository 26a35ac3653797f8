import type { Command } from "commander";
import type { ApiClient, Endpoint, EndpointInput, EndpointOutput, UploadInput } from "@ascent/contract";
import { CliError } from "./cli-error.ts";
import { readVersion } from "./version.ts";

/**
 * Data commands go through the HTTP API, as the web app does, so that they work beside a running
 * server and write the same audit entries. The server is, in this order:
 *   1. --server / ASCENT_SERVER, with --token / ASCENT_TOKEN;
 *   2. the one whose `server.json` is in the data folder (the server writes it on start, with an
 *      admin API token, and removes it on a clean shutdown);
 *   3. none running: the server is started inside this process on the database, for this command
 *      only, unless another process holds the embedded database.
 */

export interface ConnectionOptions {
  server?: string;
  token?: string;
}

/** Exit code when the server refuses us: a bad or revoked token, or a server of another release. */
export const REFUSED_EXIT_CODE = 2;
const PROBE_TIMEOUT_MS = 5000;

let chosen: ConnectionOptions = {};

/** Adds --server and --token to a data command. */
export function addServerOptions(command: Command): Command {
  return command
    .option(
      "--server <url>",
      "the Ascent server to use (env ASCENT_SERVER; default: the one running on this data folder)",
    )
    .option("--token <token>", "an API token for --server (env ASCENT_TOKEN)");
}

/** Called before each command runs, with its options and the program's. */
export function setConnectionOptions(options: ConnectionOptions): void {
  chosen = options;
}

export interface ServerSession {
  url: string;
  /** Whom the token acts as, when known: for messages about what it may not do. */
  actorName: string | null;
  call<E extends Endpoint>(endpoint: E, input?: EndpointInput<E>): Promise<EndpointOutput<E>>;
  upload<E extends Endpoint & { upload: true }>(endpoint: E, input: UploadInput<E>): Promise<EndpointOutput<E>>;
  download<E extends Endpoint & { download: true }>(
    endpoint: E,
    input?: EndpointInput<E>,
  ): Promise<{ fileName: string | null; bytes: Uint8Array }>;
}

interface Target {
  url: string;
  token: string;
  actorName: string | null;
}

type Probe =
  { kind: "ascent"; version: string | null } | { kind: "other"; status: number } | { kind: "down"; reason: string };

async function probe(url: string): Promise<Probe> {
  try {
    const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    const body = (await response.json().catch(() => null)) as { status?: unknown; version?: unknown } | null;
    if (!response.ok || body?.status !== "ok") return { kind: "other", status: response.status };
    return { kind: "ascent", version: typeof body.version === "string" ? body.version : null };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const reason = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
    return { kind: "down", reason };
  }
}

function assertSameRelease(url: string, version: string | null): void {
  const mine = readVersion();
  if (version === mine) return;
  throw new CliError(
    `The server at ${url} runs Ascent ${version ?? "of an unknown version (before 0.1)"}, and this command is ` +
      `Ascent ${mine}: use the command of the server's release`,
    { exitCode: REFUSED_EXIT_CODE },
  );
}

function normalizeUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new CliError(`--server must be a URL such as http://127.0.0.1:3000, got "${text}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new CliError(`--server must be an http or https URL, got "${text}"`);
  }
  return url.origin + url.pathname.replace(/\/+$/, "");
}

async function dataDir(): Promise<string> {
  const { loadConfig } = await import("@ascent/server/config");
  return loadConfig().dataDir;
}

async function givenServer(serverText: string, token: string | undefined): Promise<Target> {
  const url = normalizeUrl(serverText);
  const found = await probe(url);
  if (found.kind === "down") throw new CliError(`No server answers at ${url} (${found.reason})`);
  if (found.kind === "other") throw new CliError(`${url} answers, but not as an Ascent server (HTTP ${found.status})`);
  assertSameRelease(url, found.version);
  if (token) return { url, token, actorName: null };
  const { readLocalAccess } = await import("@ascent/server/local-access");
  const local = await readLocalAccess(await dataDir());
  if (local?.token && normalizeUrl(local.url) === url) return { url, token: local.token, actorName: local.actorName };
  throw new CliError(
    `Pass an API token for ${url} with --token or ASCENT_TOKEN (create one in the web app under Account → API tokens)`,
    { exitCode: REFUSED_EXIT_CODE },
  );
}

/** The server running on this data folder, or null when none answers. */
async function localServer(folder: string, token: string | undefined): Promise<Target | null> {
  const { readLocalAccess } = await import("@ascent/server/local-access");
  const local = await readLocalAccess(folder);
  if (!local) return null;
  const found = await probe(local.url);
  // A file left by a server that died: the database is free again, unless its lock says otherwise.
  if (found.kind !== "ascent") return null;
  assertSameRelease(local.url, found.version);
  const chosenToken = token ?? local.token;
  if (!chosenToken) {
    throw new CliError(
      `The server at ${local.url} has no active admin to issue a token for this command: pass one with --token`,
      { exitCode: REFUSED_EXIT_CODE },
    );
  }
  return { url: local.url, token: chosenToken, actorName: token ? null : local.actorName };
}

function describeFirstAdmin(link: string): string {
  const path = new URL(link).pathname;
  return (
    "The database was empty, so an administrator account was created (admin@ascent.local).\n" +
    `Open ${path} on the server's address to choose its password. It is shown only now.\n`
  );
}

/** No server runs: start one inside this process, on a free local port, for this command only. */
async function embeddedServer(folder: string): Promise<{ target: Target; close(): Promise<void> }> {
  const { loadConfig, startServer } = await import("@ascent/server");
  const config = { ...loadConfig(), host: "127.0.0.1", port: 0, loadDemo: false, logLevel: "silent" };
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer(config);
  } catch (error) {
    const { isAppError } = await import("@ascent/core");
    if (isAppError(error) && error.code === "conflict") {
      throw new CliError(`No Ascent server answers for the data folder ${folder}. ${error.message}`, { cause: error });
    }
    const where = config.databaseUrl ? "PostgreSQL (DATABASE_URL)" : `the embedded database in ${folder}`;
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`Neither an Ascent server nor ${where} is reachable: ${reason}`, { cause: error });
  }
  if (server.firstAdminLink) process.stderr.write(describeFirstAdmin(server.firstAdminLink));
  if (!server.localToken) {
    await server.close();
    throw new CliError("The database has no active admin to act as: pass --server and --token");
  }
  return { target: { url: server.url, token: server.localToken, actorName: null }, close: () => server.close() };
}

function translate(error: unknown, target: Target): unknown {
  if (!(error instanceof Error) || error.name !== "ApiError") return error;
  const api = error as Error & { status: number; details?: CliError["details"] };
  if (api.status === 401) {
    return new CliError(
      `The server at ${target.url} refused the API token (${api.message}); nothing was written. ` +
        "Pass a valid one with --token or ASCENT_TOKEN.",
      { exitCode: REFUSED_EXIT_CODE, cause: error },
    );
  }
  const as = api.status === 403 && target.actorName ? ` (the token acts as ${target.actorName})` : "";
  return new CliError(`${api.message}${as}`, { details: api.details ?? [], cause: error });
}

function sessionFor(target: Target, client: ApiClient): ServerSession {
  return {
    url: target.url,
    actorName: target.actorName,
    call: (endpoint, input) =>
      client.call(endpoint, input).catch((error: unknown) => Promise.reject(translate(error, target))),
    upload: (endpoint, input) =>
      client.upload(endpoint, input).catch((error: unknown) => Promise.reject(translate(error, target))),
    download: (endpoint, input) =>
      client.download(endpoint, input).catch((error: unknown) => Promise.reject(translate(error, target))),
  };
}

/** Runs `work` against the Ascent server (see the top of this file), closing whatever it started. */
export async function withServer<T>(work: (session: ServerSession) => Promise<T>): Promise<T> {
  const serverText = chosen.server ?? process.env.ASCENT_SERVER;
  const token = chosen.token ?? process.env.ASCENT_TOKEN;
  const { createApiClient } = await import("@ascent/contract");
  let target: Target | null;
  let close: () => Promise<void> = async () => undefined;
  if (serverText) {
    target = await givenServer(serverText, token);
  } else {
    const folder = await dataDir();
    target = await localServer(folder, token);
    if (!target) {
      const embedded = await embeddedServer(folder);
      // A token given acts as its owner on the server started here too.
      target = token ? { ...embedded.target, token } : embedded.target;
      close = embedded.close;
    }
  }
  const bearer = target.token;
  const client = createApiClient({ baseUrl: target.url, headers: () => ({ authorization: `Bearer ${bearer}` }) });
  try {
    return await work(sessionFor(target, client));
  } finally {
    await close();
  }
}
