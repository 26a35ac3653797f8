import type { Viewer } from "../access/viewer.ts";
import { ORG_PROFILE_SETTINGS_KEY } from "../advisor/org-profile.ts";
import type { AuditRepository } from "../audit/audit.ts";
import { AppError } from "../errors/app-error.ts";
import type { PeopleRepository } from "../people/ports.ts";
import type { SettingsRepository } from "../readiness/ports.ts";

/** The settings key that marks the organisation profile as the demo's own, so removal can take it too. */
export const DEMO_PROFILE_SETTINGS_KEY = "demoOrgProfile";

export interface RemoveDemoPorts {
  people: Pick<PeopleRepository, "deleteDemo">;
  settings: SettingsRepository & { remove(key: string): Promise<void> };
  audit: Pick<AuditRepository, "record">;
}

/**
 * Removes the demo organisation: every demo person, and with them (by cascade) their accounts,
 * assessments, feedback requests, evidence, goals, plans and 1:1s; and the organisation profile when
 * the demo wrote it and nobody changed it since. An admin over HTTP, or the operator at the CLI
 * (`actor` null: whoever holds the database). Returns how many people went.
 */
export async function removeDemoOrganisation(ports: RemoveDemoPorts, actor: Viewer | null): Promise<number> {
  if (actor && !actor.isAdmin) throw new AppError("forbidden", "Only an admin can remove the demo organisation");
  const removed = await ports.people.deleteDemo();
  const demoProfile = await ports.settings.get<unknown>(DEMO_PROFILE_SETTINGS_KEY);
  if (demoProfile !== null) {
    const profile = await ports.settings.get<unknown>(ORG_PROFILE_SETTINGS_KEY);
    if (JSON.stringify(profile) === JSON.stringify(demoProfile)) await ports.settings.remove(ORG_PROFILE_SETTINGS_KEY);
    await ports.settings.remove(DEMO_PROFILE_SETTINGS_KEY);
  }
  if (removed > 0) {
    await ports.audit.record({
      kind: "write",
      actorId: actor?.personId ?? null,
      action: "demo.remove",
      details: { removed },
    });
  }
  return removed;
}
