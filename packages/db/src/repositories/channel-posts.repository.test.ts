import { expect, it } from "vitest";
import { describeEachDriver } from "../testing/test-databases.ts";
import { DrizzleChannelPostLog, DrizzleWebhookSettingsRepository } from "./channel-posts.repository.ts";
import { DrizzlePeopleRepository } from "./people.repository.ts";

describeEachDriver("the channel webhook and channel post keys", (db) => {
  it("keeps one webhook row: the address, the kinds switched off, who changed it and when", async () => {
    const admin = await new DrizzlePeopleRepository(db().db).create({ name: "Ada", email: "ada-webhook@x.test" });
    const settings = new DrizzleWebhookSettingsRepository(db().db);
    expect(await settings.load()).toEqual({ url: null, disabledKinds: [], updatedAt: null, updatedBy: null });

    const at = new Date("2026-05-01T10:00:00Z");
    await settings.saveDisabledKinds(["cycle.phase-closed"], admin.id, at);
    await settings.saveUrl("https://hooks.example.org/services/T1/B2/abc", admin.id, at);
    const later = new Date("2026-05-02T10:00:00Z");
    await settings.saveUrl("https://hooks.example.org/services/T1/B2/xyz", admin.id, later);
    expect(await settings.load()).toEqual({
      url: "https://hooks.example.org/services/T1/B2/xyz",
      disabledKinds: ["cycle.phase-closed"],
      updatedAt: later,
      updatedBy: admin.id,
    });

    await settings.saveUrl(null, admin.id, later);
    const removed = await settings.load();
    expect(removed.url).toBeNull();
    // Switching the webhook off keeps the admin's choice of kinds for the next one.
    expect(removed.disabledKinds).toEqual(["cycle.phase-closed"]);
  });

  it("claims a post key once, gives it back after a failure, and keeps it once sent", async () => {
    const log = new DrizzleChannelPostLog(db().db);
    const at = new Date("2026-05-01T10:00:00Z");
    expect(await log.claim("cycle.opened:1", at)).toBe(true);
    expect(await log.claim("cycle.opened:1", at)).toBe(false);
    await log.release("cycle.opened:1");
    expect(await log.claim("cycle.opened:1", at)).toBe(true);
    await log.markSent("cycle.opened:1", at);
    await log.release("cycle.opened:1");
    expect(await log.claim("cycle.opened:1", at)).toBe(false);
  });
});
