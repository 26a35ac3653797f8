import { resolve } from "node:path";
import { AppError } from "@ascent/core";
import { parseMailFrom, parseSmtpUrl } from "./jobs/mail-transport.ts";
import type { RetryPolicy } from "./jobs/job-queue.ts";

export interface ServerConfig {
  host: string;
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  /**
   * Where scheduled backups go (ASCENT_BACKUP_DIR; default <dataDir>-backups). Not inside the data
   * folder: PGlite's dump holds the whole folder, so each backup would carry the ones before it.
   */
  backupDir: string;
  logLevel: string;
  /** Folder with the built web app; served when it exists. */
  webDist: string;
  isProduction: boolean;
  trustProxy: boolean;
  /** METRICS_TOKEN: the bearer token /metrics asks for; without one it answers this machine only. */
  metricsToken: string | undefined;
  /** Load the demo organisation on first start with an empty database. */
  loadDemo: boolean;
  /** How long requests in flight may take to finish on shutdown before their connections are cut; tests shorten it. */
  shutdownGraceMs?: number;
  /** SMTP_URL and MAIL_FROM; without an SMTP server, mail goes to the outbox table admins read. */
  mail: MailConfig;
  /** ASCENT_PUBLIC_URL: the address people reach the app at, for links in mail; default the listening address. */
  publicUrl: string | undefined;
  /**
   * ASCENT_WEBHOOK_ALLOW_HTTP=1: the channel webhook may be an http:// address (a receiver on this
   * machine or a trusted network). Off by default: the address is a secret, so it travels over TLS.
   */
  webhookAllowHttp: boolean;
  /** How failed jobs are retried; only tests change it (to retry at once). */
  jobRetry?: RetryPolicy;
  /** Run the job workers in this process (the default); tests may turn them off and drain the queue. */
  runJobWorkers?: boolean;
  /** The clock the server reads; never from the environment, only tests set it. */
  now?: () => Date;
}

export interface MailConfig {
  smtpUrl: string | undefined;
  from: string;
}

const DEFAULT_MAIL_FROM = "Ascent <ascent@localhost>";

function parsePublicUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    if (url.protocol === "http:" || url.protocol === "https:") return url.toString().replace(/\/+$/, "");
  } catch {
    // Falls through to the error below.
  }
  throw new AppError("validation_failed", `ASCENT_PUBLIC_URL must be an http(s) address, got "${value}"`);
}

function parseSwitch(name: string, value: string | undefined): boolean {
  if (value === undefined || value === "" || value === "0") return false;
  if (value === "1") return true;
  throw new AppError("validation_failed", `${name} must be 1 or 0, got "${value}"`);
}

function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new AppError("validation_failed", `PORT must be an integer between 0 and 65535, got "${value}"`);
  }
  return port;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    host: env.HOST || "127.0.0.1",
    port: parsePort(env.PORT, 3000),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.ASCENT_DATA_DIR || "data"),
    backupDir: resolve(env.ASCENT_BACKUP_DIR || `${env.ASCENT_DATA_DIR || "data"}-backups`),
    logLevel: env.LOG_LEVEL || "info",
    webDist: resolve(env.ASCENT_WEB_DIST || new URL("../../web/dist", import.meta.url).pathname),
    isProduction: env.NODE_ENV !== "development",
    trustProxy: env.ASCENT_TRUST_PROXY === "1",
    metricsToken: env.METRICS_TOKEN || undefined,
    loadDemo: env.ASCENT_DEMO !== "0",
    mail: {
      smtpUrl: env.SMTP_URL ? parseSmtpUrl(env.SMTP_URL).toString() : undefined,
      from: parseMailFrom(env.MAIL_FROM || DEFAULT_MAIL_FROM),
    },
    publicUrl: parsePublicUrl(env.ASCENT_PUBLIC_URL),
    webhookAllowHttp: parseSwitch("ASCENT_WEBHOOK_ALLOW_HTTP", env.ASCENT_WEBHOOK_ALLOW_HTTP),
  };
}
