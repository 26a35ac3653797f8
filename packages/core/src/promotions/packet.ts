import type { Framework } from "../framework/framework.ts";
import type { CareerPlan } from "../growth/career-plan.ts";
import type { DevelopmentGoal } from "../growth/development-goal.ts";
import type { Person } from "../people/person.ts";
import type { PersonReadiness } from "../readiness/readiness-service.ts";
import type { GroupSummary } from "../readiness/readiness.ts";
import type { PromotionCase, PromotionPacket } from "./promotion-case.ts";

export interface PacketSources {
  person: Person;
  promotionCase: PromotionCase;
  framework: Framework;
  frameworkVersion: number;
  /** Readiness for the target level, with only the evidence the person shares. */
  readiness: PersonReadiness;
  /** Goals the person shares with their manager. */
  goals: DevelopmentGoal[];
  /** The career plan, when the person shares it with their manager; otherwise null. */
  plan: CareerPlan | null;
  k: number;
  at: Date;
}

/**
 * The packet a committee reads: the readiness numbers for the target level as the rule computed them
 * at submission, group means by relation (peer and upward only as released aggregates, never an
 * answer or a comment), shared evidence by competency, achieved goals and the manager's case.
 */
export function assemblePacket(sources: PacketSources): PromotionPacket {
  const { person, promotionCase, framework, readiness } = sources;
  const levelRef = (id: string | null) => {
    const level = framework.levels.find((l) => l.id === id);
    return level ? { id: level.id, name: level.name } : null;
  };
  const toLevel = levelRef(promotionCase.toLevelId) ?? { id: promotionCase.toLevelId, name: promotionCase.toLevelId };
  const caseText = new Map(promotionCase.managerCase.map((section) => [section.competencyId, section.text]));
  const names = new Map(framework.competencies.map((competency) => [competency.id, competency.name]));
  return {
    assembledAt: sources.at.toISOString(),
    candidate: { id: person.id, name: person.name, title: person.title, team: person.team },
    fromLevel: levelRef(promotionCase.fromLevelId),
    toLevel,
    frameworkVersion: sources.frameworkVersion,
    readiness: { score: readiness.score, verdict: readiness.verdict, blockers: readiness.blockers, k: sources.k },
    competencies: readiness.competencies.map((c) => ({
      competencyId: c.competencyId,
      name: names.get(c.competencyId) ?? c.competencyId,
      expected: c.expected,
      weight: c.weight,
      observed: c.observed,
      status: c.status,
      isCorroborated: c.isCorroborated,
      gap: c.gap,
      groups: c.groups,
      evidence: c.evidence.map(({ id, title, date }) => ({ id, title, date })),
      managerCase: caseText.get(c.competencyId) ?? "",
    })),
    achievedGoals: sources.goals
      .filter((goal) => goal.status === "achieved")
      .map((goal) => ({
        title: goal.title,
        competencyId: goal.competencyId,
        achievedAt: goal.achievedAt ? goal.achievedAt.toISOString().slice(0, 10) : null,
      })),
    planSteps:
      sources.plan?.isSharedWithManager === true
        ? sources.plan.content.steps.map(({ text, due, isDone }) => ({ text, due, isDone }))
        : [],
    calibrationNotes: [],
  };
}

export function formatGroup(group: GroupSummary | null): string {
  if (group === null) return "no rating";
  if ("hidden" in group) return "not shown (fewer raters than k)";
  return `${group.mean.toFixed(2)} (${group.count})`;
}

export function formatNumber(value: number | null): string {
  return value === null ? "—" : value.toFixed(2);
}

/** Markdown of the packet, for reading anywhere and for pasting into a committee's notes. */
export function packetToMarkdown(packet: PromotionPacket): string {
  const lines: string[] = [];
  const from = packet.fromLevel?.name ?? "no level";
  lines.push(`# Promotion packet: ${packet.candidate.name}`, "");
  lines.push(`- From ${from} to **${packet.toLevel.name}**`);
  lines.push(
    `- Team: ${packet.candidate.team || "none recorded"}; title: ${packet.candidate.title || "none recorded"}`,
  );
  lines.push(`- Assembled ${packet.assembledAt} from framework version ${packet.frameworkVersion}`);
  lines.push(
    `- Readiness for ${packet.toLevel.name}: **${(packet.readiness.score * 100).toFixed(0)}%**, verdict ${packet.readiness.verdict}`,
  );
  lines.push(`- Peer and upward groups count only with at least ${packet.readiness.k} raters.`, "");
  lines.push("## Competencies", "");
  lines.push("| Competency | Expected | Observed | Status | Self | Manager | Peers | Reports |");
  lines.push("| --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const c of packet.competencies) {
    const groups = (["self", "manager", "peer", "upward"] as const).map((r) => formatGroup(c.groups[r]));
    lines.push(
      `| ${escapeCell(c.name)} | ${c.expected} | ${formatNumber(c.observed)} | ${c.status}${c.isCorroborated ? "" : " (uncorroborated)"} | ${groups.join(" | ")} |`,
    );
  }
  lines.push("", "## The manager's case", "");
  for (const c of packet.competencies) {
    lines.push(`### ${c.name}`, "", c.managerCase.trim() || "_Nothing written._", "");
    if (c.evidence.length > 0) {
      lines.push("Evidence:");
      for (const e of c.evidence) lines.push(`- ${e.date}: ${e.title}`);
      lines.push("");
    }
  }
  lines.push("## Achieved development goals", "");
  if (packet.achievedGoals.length === 0) lines.push("_None shared._");
  for (const goal of packet.achievedGoals) lines.push(`- ${goal.title} (${goal.achievedAt ?? "date not recorded"})`);
  lines.push("", "## Career plan steps", "");
  if (packet.planSteps.length === 0) lines.push("_The career plan is not shared._");
  for (const step of packet.planSteps) {
    lines.push(`- [${step.isDone ? "x" : " "}] ${step.text}${step.due ? ` (due ${step.due})` : ""}`);
  }
  lines.push("", "## Calibration notes", "");
  if (packet.calibrationNotes.length === 0) lines.push("_No calibration adjustment._");
  for (const note of packet.calibrationNotes) lines.push(`- ${note.at}: ${note.change}. ${note.reason}`);
  lines.push("");
  return `${lines.join("\n")}`;
}

function escapeCell(text: string): string {
  return text.replaceAll("|", "\\|");
}
