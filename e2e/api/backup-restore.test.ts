import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ApiError, createApiClient, endpoints, type ApiClient } from "@ascent/contract";
import {
  canonicalExport,
  openPglite,
  openPostgres,
  restoreBackup,
  type BackupManifest,
  type RestoreTarget,
} from "@ascent/db";
import { createScratchDatabase, describeOnDriver } from "@ascent/db/testing";
import { startTestServer, type TestServer } from "../support/test-server.ts";

const legs = [{ driver: "pglite" }, { driver: "postgres" }] as const;

async function exportOf(target: RestoreTarget): Promise<Map<string, string>> {
  const handle = target.databaseUrl
    ? await openPostgres(target.databaseUrl, { max: 2 })
    : await openPglite(target.dataDir);
  try {
    return await canonicalExport(handle);
  } finally {
    await handle.close();
  }
}

async function rezip(bytes: Uint8Array, change: (manifest: BackupManifest) => void): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const manifest = JSON.parse(await (zip.file("manifest.json")?.async("string") ?? "null")) as BackupManifest;
  change(manifest);
  zip.file("manifest.json", JSON.stringify(manifest));
  return zip.generateAsync({ type: "uint8array" });
}

async function refusal(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof Error)) throw new Error("expected the restore to be refused");
  return error;
}

for (const leg of legs) {
  describeOnDriver(leg.driver, "backup and restore while the server runs", () => {
    let server: TestServer;
    let admin: ApiClient;
    const cleanups: (() => Promise<void>)[] = [];
    let backup: Uint8Array;
    let before: Map<string, string>;

    /** An empty target of this leg's driver. */
    async function emptyTarget(): Promise<RestoreTarget> {
      const dataDir = await mkdtemp(join(tmpdir(), "ascent-restore-"));
      cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
      if (leg.driver === "pglite") return { dataDir: join(dataDir, "data") };
      const scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL as string);
      cleanups.push(scratch.drop);
      return { dataDir, databaseUrl: scratch.url };
    }

    beforeAll(async () => {
      let databaseUrl: string | undefined;
      if (leg.driver === "postgres") {
        const scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL as string);
        databaseUrl = scratch.url;
        cleanups.push(scratch.drop);
      }
      // The demo organisation: people, assessments, released feedback, plans, notes and an audit log.
      server = await startTestServer({ databaseUrl, demo: true });
      const token = server.localToken;
      admin = createApiClient({ baseUrl: server.url, headers: () => ({ authorization: `Bearer ${token}` }) });
      // The token's first use stamps it; after that the export below sees what the backup will hold.
      await admin.call(endpoints.backups.schedule);
      before = await canonicalExport(server.database);
      const file = await admin.download(endpoints.backups.create);
      expect(file.fileName).toMatch(/^ascent-backup-.*\.zip$/);
      backup = file.bytes;
    }, 120_000);

    afterAll(async () => {
      await server?.stop();
      for (const cleanup of cleanups.reverse()) await cleanup();
    });

    it("restores into an empty target with every row as it was (canonical export byte-identical)", async () => {
      const target = await emptyTarget();
      const manifest = await restoreBackup(backup, target);
      expect(manifest).toMatchObject({ kind: "ascent-backup", driver: leg.driver, appVersion: "0.1.0" });
      expect(manifest.migrations.length).toBeGreaterThan(5);
      if (leg.driver === "pglite") {
        // The running server's lock and its admin token file are not restored with the data.
        expect(await readdir(target.dataDir)).not.toContain("server.json");
        expect(await readdir(target.dataDir)).not.toContain("ascent.lock");
      }
      const after = await exportOf(target);
      expect([...after.keys()]).toEqual([...before.keys()]);
      for (const [name, text] of before) expect(after.get(name), name).toBe(text);
      // The demo's rows are really in there, not two empty exports that agree.
      expect((before.get("people.json") ?? "").split("\n").length).toBeGreaterThan(50);
      expect((before.get("audit_events.json") ?? "").length).toBeGreaterThan(100);
    }, 60_000);

    it("audits the backup, and refuses it to anyone but an admin", async () => {
      const events = await server.services.audit.list({ kind: "write" });
      expect(events.some((event) => event.action === "backup.create")).toBe(true);
      const anonymous = createApiClient({ baseUrl: server.url });
      const error = await refusal(anonymous.download(endpoints.backups.create));
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).status).toBe(401);
    });

    it("refuses a target that is not empty unless forced", async () => {
      const target = await emptyTarget();
      await restoreBackup(backup, target);
      const error = await refusal(restoreBackup(backup, target));
      expect(error.message).toMatch(/not empty.*--force/);
      await restoreBackup(backup, target, { force: true });
      expect((await exportOf(target)).get("people.json")).toBe(before.get("people.json"));
    }, 60_000);

    it("refuses a damaged, foreign or newer file and leaves the target untouched", async () => {
      const target = await emptyTarget();
      await restoreBackup(backup, target);
      const untouched = await exportOf(target);
      const filesBefore = leg.driver === "pglite" ? (await readdir(target.dataDir)).sort() : [];

      const damaged = Uint8Array.from(backup);
      for (let i = Math.floor(damaged.length / 2); i < damaged.length / 2 + 64; i += 1)
        damaged[i] = (damaged[i] ?? 0) ^ 0xff;
      const foreignZip = new JSZip();
      foreignZip.file("manifest.json", JSON.stringify({ kind: "someone-elses-backup" }));
      foreignZip.file("database.dump", "hello");
      const cases: [string, Uint8Array, RegExp][] = [
        ["damaged", damaged, /damaged|not a zip/],
        ["not a zip", new TextEncoder().encode("name,email\nAda,ada@example.com\n"), /not an Ascent backup/],
        ["foreign zip", await foreignZip.generateAsync({ type: "uint8array" }), /not an Ascent backup/],
        [
          "newer release",
          await rezip(backup, (m) => {
            m.migrations.push("9999_from_a_later_release");
            m.appVersion = "9.0.0";
          }),
          /newer Ascent \(9\.0\.0/,
        ],
        [
          "checksum",
          await rezip(backup, (m) => {
            m.sha256 = "0".repeat(64);
          }),
          /checksum/,
        ],
        [
          "other driver",
          await rezip(backup, (m) => {
            m.driver = leg.driver === "pglite" ? "postgres" : "pglite";
          }),
          /was made on/,
        ],
      ];
      for (const [name, bytes, message] of cases) {
        // Forced, so that only the file's check can be what refuses it.
        const error = await refusal(restoreBackup(bytes, target, { force: true }));
        expect(error.message, name).toMatch(message);
      }
      if (leg.driver === "pglite") expect((await readdir(target.dataDir)).sort()).toEqual(filesBefore);
      const after = await exportOf(target);
      for (const [name, text] of untouched) expect(after.get(name), name).toBe(text);
    }, 60_000);
  });
}
