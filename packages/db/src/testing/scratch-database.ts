import { randomBytes } from "node:crypto";
import pg from "pg";

async function runAdmin(baseUrl: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/** Creates an empty, uniquely named database on a PostgreSQL cluster; `drop` removes it. */
export async function createScratchDatabase(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `ascent_test_${randomBytes(6).toString("hex")}`;
  await runAdmin(baseUrl, `create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => runAdmin(baseUrl, `drop database if exists ${name} with (force)`) };
}
