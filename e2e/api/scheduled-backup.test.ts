import { readdir } from "node:fs/promises";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createApiClient, endpoints, type ApiClient } from "@ascent/contract";
import { readBackupArchive } from "@ascent/db";
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { createTestClock } from "../support/test-clock.ts";

// The scheduled backup with rotation on the real server and file system, its clock moved by the test.
const clock = createTestClock();
let server: TestServer;
let admin: ApiClient;
let folder: string;

beforeAll(async () => {
  server = await startTestServer({ now: clock.now });
  folder = `${server.dataDir}-backups`;
  const token = server.localToken;
  admin = createApiClient({ baseUrl: server.url, headers: () => ({ authorization: `Bearer ${token}` }) });
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await rm(folder, { recursive: true, force: true });
});

it("is off until an admin turns it on, then keeps the newest `keep` backups", async () => {
  expect(await admin.call(endpoints.backups.schedule)).toEqual({ isEnabled: false, intervalHours: 24, keep: 7 });
  expect((await server.services.backups.runScheduled()).made).toBeNull();

  await admin.call(endpoints.backups.setSchedule, { body: { isEnabled: true, intervalHours: 24, keep: 2 } });
  const made: string[] = [];
  for (let day = 0; day < 3; day += 1) {
    const result = await server.services.backups.runScheduled();
    if (result.made) made.push(result.made);
    // Not due again within the interval.
    expect((await server.services.backups.runScheduled()).made).toBeNull();
    clock.advance(24 * 3_600_000);
  }
  expect(made).toHaveLength(3);
  expect((await readdir(folder)).sort()).toEqual(made.slice(1).sort());
  const { manifest } = await readBackupArchive(await readFile(join(folder, made[2] ?? "")));
  expect(manifest.driver).toBe("pglite");
  const events = await server.services.audit.list({ kind: "write" });
  expect(events.filter((event) => event.action === "backup.scheduled")).toHaveLength(3);
}, 120_000);

it("refuses a schedule that keeps nothing, naming the field", async () => {
  const response = await fetch(`${server.url}/api/admin/backup-schedule`, {
    method: "PUT",
    headers: { authorization: `Bearer ${server.localToken}`, "content-type": "application/json" },
    body: JSON.stringify({ isEnabled: true, intervalHours: 24, keep: 0 }),
  });
  expect(response.status).toBe(400);
  expect(await response.text()).toMatch(/keep/);
});
