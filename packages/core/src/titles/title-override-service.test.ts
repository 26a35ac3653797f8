import { describe, expect, it } from "vitest";
import type { Viewer } from "../access/viewer.ts";
import { InMemoryAuditLog } from "../audit/audit.fixtures.ts";
import { buildFramework } from "../framework/framework.fixtures.ts";
import type { TitleOverride } from "./resolve-title.ts";
import { TitleOverrideService } from "./title-override-service.ts";

const admin: Viewer = { personId: "admin", name: "Ada", isAdmin: true, via: "token" };
const member: Viewer = { ...admin, personId: "member", isAdmin: false };

function setUp() {
  const stored = new Map<string, TitleOverride>();
  const audit = new InMemoryAuditLog();
  const framework = buildFramework();
  const service = new TitleOverrideService({
    overrides: {
      list: async () => [...stored.values()],
      upsert: async (override) => void stored.set(override.title, override),
      remove: async (title) => void stored.delete(title),
    },
    framework: async () => framework,
    audit,
  });
  return { service, stored, audit, levelId: framework.levels[0]?.id ?? "" };
}

describe("TitleOverrideService", () => {
  it("lets an admin pin a title to a level and remove it, auditing both", async () => {
    const { service, stored, audit, levelId } = setUp();
    await service.set(admin, { title: "Product Wizard", levelId });
    expect(stored.get("Product Wizard")?.levelId).toBe(levelId);
    expect((await service.resolve("Product Wizard")).levelId).toBe(levelId);
    await service.remove(admin, "Product Wizard");
    expect(stored.size).toBe(0);
    expect(audit.events.map((e) => [e.action, e.actorId, e.targetId])).toEqual([
      ["titles.override.set", "admin", "Product Wizard"],
      ["titles.override.remove", "admin", "Product Wizard"],
    ]);
  });

  it("refuses anyone but an admin, an unknown level and an unknown override, writing nothing", async () => {
    const { service, stored, audit, levelId } = setUp();
    await expect(service.set(member, { title: "X", levelId })).rejects.toMatchObject({ code: "forbidden" });
    await expect(service.set(admin, { title: "X", levelId: "wizard" })).rejects.toMatchObject({
      code: "validation_failed",
    });
    await expect(service.remove(admin, "X")).rejects.toMatchObject({ code: "not_found" });
    expect(stored.size).toBe(0);
    expect(audit.events).toEqual([]);
  });
});
