import { AppError, notFound } from "../errors/app-error.ts";
import type { Framework, Level, VpRoleProfile } from "../framework/framework.ts";
import type { PeopleRepository } from "../people/ports.ts";
import type { Person } from "../people/person.ts";
import type { AuditRepository } from "../audit/audit.ts";
import { assertAdmin, type Access } from "../access/access.ts";
import { subject } from "../access/policy.ts";
import type { Viewer } from "../access/viewer.ts";
import type { ReadinessSnapshotRepository, SettingsRepository } from "../readiness/ports.ts";
import { adviseAdvancement, requireGuidance, type AdvancementAdvice } from "./advancement-paths.ts";
import { computeOrgInsights, type OrgInsights } from "./insights.ts";
import { deriveChartShape } from "./org-chart-shape.ts";
import { ORG_PROFILE_SETTINGS_KEY, validateOrgProfile, type OrgProfile } from "./org-profile.ts";
import {
  scoreVpFit,
  validateVpFitAnswers,
  type VpFitAnswers,
  type VpFitCheck,
  type VpFitCheckRepository,
  type VpFitProfile,
} from "./vp-fit.ts";

export interface AdvisorPorts {
  settings: SettingsRepository;
  people: Pick<PeopleRepository, "findById" | "list" | "countAll" | "reportsBelow">;
  vpFitChecks: VpFitCheckRepository;
  snapshots: Pick<ReadinessSnapshotRepository, "list">;
  /** The framework version in force: its levels and its guidance drive the advice. */
  activeFramework: () => Promise<{ document: Framework; version: number }>;
  /** The anonymity threshold k of the readiness settings. */
  anonymityThreshold: () => Promise<number>;
  /** Changes to the organisation profile are written to the audit log. */
  audit: AuditRepository;
  /** Who may read a person's advancement advice (ADVICE_READERS). */
  access: Pick<Access, "authorize">;
}

/** Career advice for a person: themself and the managers above them. */
export const ADVICE_READERS = subject("id", "self", "managementChain");

export interface ScoredVpFitCheck {
  check: VpFitCheck;
  profile: VpFitProfile;
}

export interface InsightsView {
  insights: OrgInsights;
  /** Names of the people the insights mention, by id, for presenting them. */
  names: Map<string, string>;
  /** The ladder's levels, for presenting level ids. */
  levels: Level[];
}

export interface AdvancementView {
  advice: AdvancementAdvice;
  vpRole: VpRoleProfile;
}

/** The advancement advisor (Mironov), the VP-fit self-check and the org insights. */
export class AdvisorService {
  constructor(private readonly ports: AdvisorPorts) {}

  /** The stored profile; null until an admin sets one (or when what is stored no longer validates). */
  async orgProfile(): Promise<OrgProfile | null> {
    const stored = await this.ports.settings.get<unknown>(ORG_PROFILE_SETTINGS_KEY);
    if (stored === null) return null;
    try {
      return validateOrgProfile(stored);
    } catch {
      return null;
    }
  }

  async setOrgProfile(actor: Viewer, input: unknown): Promise<OrgProfile> {
    assertAdmin(actor);
    const profile = validateOrgProfile(input);
    await this.ports.settings.set(ORG_PROFILE_SETTINGS_KEY, profile);
    await this.ports.audit.record({
      kind: "write",
      actorId: actor.personId,
      action: "org.profile.update",
      targetType: "setting",
      targetId: "orgProfile",
      details: { ...profile },
    });
    return profile;
  }

  async vpRole(): Promise<VpRoleProfile> {
    const { document } = await this.ports.activeFramework();
    return requireGuidance(document).vpRole;
  }

  async advancementFor(viewer: Viewer, personId: string): Promise<AdvancementView> {
    await this.ports.access.authorize(viewer, ADVICE_READERS, personId);
    const person = await this.ports.people.findById(personId);
    if (!person) throw notFound("person", personId);
    const [{ document }, profile, total] = await Promise.all([
      this.ports.activeFramework(),
      this.orgProfile(),
      this.ports.people.countAll(),
    ]);
    const { people } = await this.ports.people.list({ status: "active", limit: Math.max(total, 1) });
    return {
      advice: adviseAdvancement(person.levelId, document, profile, deriveChartShape(document, people)),
      vpRole: requireGuidance(document).vpRole,
    };
  }

  /** Scores and stores a self-check of the viewer's own; nobody else ever reads it. */
  async submitVpFit(personId: string, answers: VpFitAnswers): Promise<ScoredVpFitCheck> {
    const role = await this.vpRole();
    validateVpFitAnswers(role, answers);
    const check = await this.ports.vpFitChecks.create(personId, answers);
    return { check, profile: scoreVpFit(role, check.answers) };
  }

  async vpFitHistory(personId: string): Promise<ScoredVpFitCheck[]> {
    const role = await this.vpRole();
    const checks = await this.ports.vpFitChecks.listForPerson(personId);
    return checks.map((check) => ({ check, profile: scoreVpFit(role, check.answers) }));
  }

  /** Insights over the whole organisation's active people. */
  async orgInsights(actor: Viewer): Promise<InsightsView> {
    assertAdmin(actor);
    const total = await this.ports.people.countAll();
    const { people } = await this.ports.people.list({ status: "active", limit: Math.max(total, 1) });
    return this.insightsOver(people);
  }

  /** Insights over the viewer and everyone below them. */
  async teamInsights(viewerId: string): Promise<InsightsView> {
    const viewer = await this.ports.people.findById(viewerId);
    if (!viewer) throw new AppError("not_found", "The signed-in account has no person record");
    const below = await this.ports.people.reportsBelow(viewerId);
    return this.insightsOver([viewer, ...below.map((r) => r.person)]);
  }

  private async insightsOver(people: Person[]): Promise<InsightsView> {
    const active = people.filter((p) => p.status === "active");
    const [{ document }, k, snapshots] = await Promise.all([
      this.ports.activeFramework(),
      this.ports.anonymityThreshold(),
      this.ports.snapshots.list(active.map((p) => p.id)),
    ]);
    const insights = computeOrgInsights({ framework: document, people: active, snapshots, k });
    return { insights, names: new Map(active.map((p) => [p.id, p.name])), levels: document.levels };
  }
}
