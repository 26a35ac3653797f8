import { AppError } from "../errors/app-error.ts";
import type { AuditRepository } from "../audit/audit.ts";
import { assertAdmin } from "../access/access.ts";
import type { Viewer } from "../access/viewer.ts";
import type { Framework, Level } from "../framework/framework.ts";
import type { TitleOverrideRepository } from "../people/ports.ts";
import { resolveTitle, type TitleOverride, type TitleResolution } from "./resolve-title.ts";

export interface TitleOverridePorts {
  overrides: TitleOverrideRepository;
  /** A framework's latest version by slug or id; the built-in ladder when none is named. */
  framework: (ref?: string) => Promise<Framework>;
  /** Setting and removing overrides is written to the audit log. */
  audit: AuditRepository;
}

/** Mapping job titles onto ladder levels, and the admin's overrides that pin a title to a level. */
export class TitleOverrideService {
  constructor(private readonly ports: TitleOverridePorts) {}

  /** Overrides name levels of the built-in ladder; another framework uses those it shares. */
  async resolve(title: string, frameworkRef?: string): Promise<TitleResolution & { levelName: string | null }> {
    const [document, overrides] = await Promise.all([this.ports.framework(frameworkRef), this.ports.overrides.list()]);
    const applicable = overrides.filter((override) => document.levels.some((l) => l.id === override.levelId));
    const resolution = resolveTitle(title, document, applicable);
    const level = document.levels.find((l) => l.id === resolution.levelId);
    return { ...resolution, levelName: level?.name ?? null };
  }

  /** The overrides, with the built-in ladder's levels that name them. */
  async list(): Promise<{ overrides: TitleOverride[]; levels: Level[] }> {
    const [{ levels }, overrides] = await Promise.all([this.ports.framework(), this.ports.overrides.list()]);
    return { overrides, levels };
  }

  async set(actor: Viewer, override: TitleOverride): Promise<{ override: TitleOverride; levels: Level[] }> {
    assertAdmin(actor);
    const actorId = actor.personId;
    const { levels } = await this.ports.framework();
    if (!levels.some((level) => level.id === override.levelId)) {
      const message = `no level "${override.levelId}" in the built-in ladder; levels: ${levels.map((l) => l.id).join(", ")}`;
      throw new AppError("validation_failed", `Invalid body.levelId: ${message}`, [{ path: "body.levelId", message }]);
    }
    await this.ports.overrides.upsert({ title: override.title, levelId: override.levelId }, actorId);
    await this.ports.audit.record({
      kind: "write",
      actorId,
      action: "titles.override.set",
      targetType: "title_override",
      targetId: override.title,
      details: { levelId: override.levelId },
    });
    return { override, levels };
  }

  async remove(actor: Viewer, title: string): Promise<void> {
    assertAdmin(actor);
    const actorId = actor.personId;
    const existing = (await this.ports.overrides.list()).find((override) => override.title === title);
    if (!existing) throw new AppError("not_found", `No title override for "${title}"`);
    await this.ports.overrides.remove(existing.title);
    await this.ports.audit.record({
      kind: "write",
      actorId,
      action: "titles.override.remove",
      targetType: "title_override",
      targetId: existing.title,
      details: { levelId: existing.levelId },
    });
  }
}
