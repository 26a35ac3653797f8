import { describe, expect, it } from "vitest";
import type { Viewer } from "../access/viewer.ts";
import { ORG_PROFILE_SETTINGS_KEY } from "../advisor/org-profile.ts";
import type { NewAuditEvent } from "../audit/audit.ts";
import { AppError } from "../errors/app-error.ts";
import { DEMO_PROFILE_SETTINGS_KEY, removeDemoOrganisation } from "./remove-demo.ts";

const PROFILE = { stage: "large", pmCount: 40, productReportsTo: "CPO", businessModel: "B2C" };

function fakePorts(demoPeople: number, settings: Record<string, unknown>) {
  const events: NewAuditEvent[] = [];
  const store = new Map(Object.entries(settings));
  let left = demoPeople;
  return {
    events,
    store,
    ports: {
      people: {
        deleteDemo: async () => {
          const removed = left;
          left = 0;
          return removed;
        },
      },
      settings: {
        get: async <T>(key: string) => (store.get(key) as T | undefined) ?? null,
        set: async (key: string, value: unknown) => void store.set(key, value),
        remove: async (key: string) => void store.delete(key),
      },
      audit: { record: async (event: NewAuditEvent) => void events.push(event) },
    },
  };
}

const viewer = (isAdmin: boolean): Viewer => ({ personId: "p1", name: "P", isAdmin, via: "session" });

describe("removeDemoOrganisation", () => {
  it("refuses anyone but an admin, and removes nothing", async () => {
    const { ports, store } = fakePorts(60, {
      [ORG_PROFILE_SETTINGS_KEY]: PROFILE,
      [DEMO_PROFILE_SETTINGS_KEY]: PROFILE,
    });
    await expect(removeDemoOrganisation(ports, viewer(false))).rejects.toBeInstanceOf(AppError);
    expect(store.get(ORG_PROFILE_SETTINGS_KEY)).toEqual(PROFILE);
  });

  it("removes the people and the demo's own profile, and audits who did it", async () => {
    const { ports, store, events } = fakePorts(60, {
      [ORG_PROFILE_SETTINGS_KEY]: PROFILE,
      [DEMO_PROFILE_SETTINGS_KEY]: PROFILE,
    });
    expect(await removeDemoOrganisation(ports, viewer(true))).toBe(60);
    expect(store.has(ORG_PROFILE_SETTINGS_KEY)).toBe(false);
    expect(store.has(DEMO_PROFILE_SETTINGS_KEY)).toBe(false);
    expect(events).toEqual([{ kind: "write", actorId: "p1", action: "demo.remove", details: { removed: 60 } }]);
  });

  it("keeps a profile an admin has changed since the demo wrote it; the CLI acts as nobody", async () => {
    const edited = { ...PROFILE, businessModel: "B2B" };
    const { ports, store, events } = fakePorts(3, {
      [ORG_PROFILE_SETTINGS_KEY]: edited,
      [DEMO_PROFILE_SETTINGS_KEY]: PROFILE,
    });
    expect(await removeDemoOrganisation(ports, null)).toBe(3);
    expect(store.get(ORG_PROFILE_SETTINGS_KEY)).toEqual(edited);
    expect(events[0]?.actorId).toBeNull();
  });

  it("records nothing when there was no demo", async () => {
    const { ports, events } = fakePorts(0, {});
    expect(await removeDemoOrganisation(ports, null)).toBe(0);
    expect(events).toEqual([]);
  });
});
