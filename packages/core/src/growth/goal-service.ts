import { AppError, type ErrorDetail } from "../errors/app-error.ts";
import type { Viewer } from "../access/viewer.ts";
import type { Framework } from "../framework/framework.ts";
import type { PeopleRepository } from "../people/ports.ts";
import type { AuditRepository } from "../audit/audit.ts";
import { recordRead } from "../audit/read-log.ts";
import type { ReadinessService } from "../readiness/readiness-service.ts";
import { dayOf, type SaveWarning } from "./career-plan.ts";
import {
  assertGoalTransition,
  dueDateWarnings,
  goalFromGap,
  goalsReachingTarget,
  validateGoalFields,
  type DevelopmentGoal,
  type GoalAction,
  type GoalPatch,
} from "./development-goal.ts";
import type { GoalRepository } from "./ports.ts";

export interface GoalPorts {
  goals: GoalRepository;
  people: Pick<PeopleRepository, "findById" | "chainAbove">;
  activeFramework: () => Promise<{ document: Framework; version: number }>;
  readiness: Pick<ReadinessService, "forPerson">;
  /** Goals are part of the plan: someone else's read is logged for the owner (DESIGN §5). */
  audit: AuditRepository;
  now?: () => Date;
  newId?: () => string;
}

type ActionInput = Omit<GoalAction, "id"> & { id?: string | undefined };

/**
 * A new goal. Without `target` it is made from the readiness gap of the competency at
 * `targetLevelId` (default: the next level): from = observed, target = expected.
 */
export interface GoalInput {
  competencyId: string;
  targetLevelId?: string | undefined;
  from?: number | null | undefined;
  target?: number | undefined;
  title?: string | undefined;
  due?: string | null | undefined;
  actions?: ActionInput[] | undefined;
  isSharedWithManager?: boolean | undefined;
}

export type GoalUpdate = Omit<GoalPatch, "actions" | "achievedAt"> & { actions?: ActionInput[] | undefined };

export interface GoalsView {
  goals: DevelopmentGoal[];
  /** All goals (the owner) or those shared with the manager (a manager above). */
  scope: "all" | "shared";
  /** The competencies' observed values now, for progress towards each target. */
  observed: Record<string, number | null>;
}

/**
 * Development goals (issue 6 §2): the owner's own, shared with the managers above unless they say
 * otherwise. A goal becomes achieved when the observed value of its competency reaches the target,
 * checked whenever the goals are read.
 */
export class GoalService {
  private readonly now: () => Date;
  private readonly newId: () => string;

  constructor(private readonly ports: GoalPorts) {
    this.now = ports.now ?? (() => new Date());
    this.newId = ports.newId ?? (() => crypto.randomUUID());
  }

  /** The viewer's own goal; anyone else's is reported as missing. */
  private async requireOwn(viewer: Viewer, goalId: string): Promise<DevelopmentGoal> {
    const goal = await this.ports.goals.findById(goalId);
    if (!goal || goal.personId !== viewer.personId) throw new AppError("not_found", `No goal "${goalId}" of yours`);
    return goal;
  }

  private withIds(actions: readonly ActionInput[]): GoalAction[] {
    return actions.map((action) => ({ id: action.id ?? this.newId(), text: action.text, isDone: action.isDone }));
  }

  private static assertValid(details: ErrorDetail[]): void {
    if (details.length > 0) {
      throw new AppError("validation_failed", `Invalid goal: ${details[0]?.path} ${details[0]?.message}`, details);
    }
  }

  /**
   * The observed value of each competency. Readiness lists only the competencies that apply at its
   * target level, so competencies missing from the next level's are read at a level where they apply;
   * the observed value itself does not depend on the level.
   */
  private async observedValues(
    personId: string,
    competencyIds: readonly string[],
    framework: Framework,
  ): Promise<Record<string, number | null>> {
    const observed: Record<string, number | null> = {};
    const wanted = new Set(competencyIds);
    if (wanted.size === 0) return observed;
    const collect = (readiness: Awaited<ReturnType<GoalPorts["readiness"]["forPerson"]>>) => {
      for (const entry of readiness.competencies) {
        if (wanted.has(entry.competencyId)) observed[entry.competencyId] = entry.observed;
      }
    };
    collect(await this.ports.readiness.forPerson(personId, { canSeePrivateEvidence: false }));
    const levels = [...framework.levels].sort((a, b) => b.rank - a.rank);
    for (const competencyId of wanted) {
      if (competencyId in observed) continue;
      const level = levels.find((candidate) => (framework.expectations[candidate.id]?.[competencyId]?.weight ?? 0) > 0);
      if (!level) {
        observed[competencyId] = null;
        continue;
      }
      collect(
        await this.ports.readiness.forPerson(personId, { targetLevelId: level.id, canSeePrivateEvidence: false }),
      );
      observed[competencyId] ??= null;
    }
    return observed;
  }

  /** The owner sees every goal, a manager above them the shared ones; reached targets are marked on the way. */
  async list(viewer: Viewer, personId: string): Promise<GoalsView> {
    const person = await this.ports.people.findById(personId);
    if (!person) throw new AppError("not_found", `No person with id "${personId}"`);
    let scope: GoalsView["scope"] = "all";
    if (viewer.personId !== person.id) {
      const chain = await this.ports.people.chainAbove(person.id);
      if (!chain.some((manager) => manager.id === viewer.personId)) {
        throw new AppError(
          "forbidden",
          "Development goals are their owner's, shared only with the managers above them",
        );
      }
      scope = "shared";
    }
    const { document } = await this.ports.activeFramework();
    const all = await this.ports.goals.listForPerson(person.id);
    const observed = await this.observedValues(
      person.id,
      all.map((goal) => goal.competencyId),
      document,
    );
    const reached = goalsReachingTarget(all, observed);
    let goals = all;
    if (reached.length > 0) {
      const at = this.now();
      await this.ports.goals.markAchieved(
        reached.map((goal) => goal.id),
        at,
      );
      const ids = new Set(reached.map((goal) => goal.id));
      goals = all.map((goal) => (ids.has(goal.id) ? { ...goal, status: "achieved", achievedAt: at } : goal));
    }
    const visible = scope === "all" ? goals : goals.filter((goal) => goal.isSharedWithManager);
    const shownCompetencies = new Set(visible.map((goal) => goal.competencyId));
    if (visible.length > 0) {
      await recordRead(this.ports.audit, viewer, {
        subjectId: person.id,
        targetType: "plan",
        targetId: "development-goals",
      });
    }
    return {
      goals: visible,
      scope,
      observed: Object.fromEntries(Object.entries(observed).filter(([id]) => shownCompetencies.has(id))),
    };
  }

  async create(
    viewer: Viewer,
    personId: string,
    input: GoalInput,
  ): Promise<{ goal: DevelopmentGoal; warnings: SaveWarning[] }> {
    if (viewer.personId !== personId) throw new AppError("forbidden", "Only the owner sets their development goals");
    const { document } = await this.ports.activeFramework();
    const actions = this.withIds(input.actions ?? []);
    GoalService.assertValid(
      validateGoalFields(
        {
          competencyId: input.competencyId,
          ...(input.from === undefined ? {} : { from: input.from }),
          ...(input.target === undefined ? {} : { target: input.target }),
          due: input.due ?? null,
          actions,
        },
        document,
      ),
    );
    const competencyName = document.competencies.find((c) => c.id === input.competencyId)?.name ?? input.competencyId;
    let fields: { from: number | null; target: number; title: string };
    if (input.target === undefined) {
      if (input.from !== undefined) {
        GoalService.assertValid([{ path: "body.target", message: "give a target with an explicit from" }]);
      }
      if (input.targetLevelId !== undefined && !document.levels.some((level) => level.id === input.targetLevelId)) {
        GoalService.assertValid([
          { path: "body.targetLevelId", message: `"${input.targetLevelId}" is not a level of the ladder` },
        ]);
      }
      const readiness = await this.ports.readiness.forPerson(personId, {
        ...(input.targetLevelId === undefined ? {} : { targetLevelId: input.targetLevelId }),
        canSeePrivateEvidence: false,
      });
      const levelName =
        document.levels.find((level) => level.id === readiness.targetLevelId)?.name ?? readiness.targetLevelId;
      const gap = readiness.competencies.find((entry) => entry.competencyId === input.competencyId);
      fields = goalFromGap(gap, { competencyName, levelName });
    } else {
      const from =
        input.from !== undefined
          ? input.from
          : ((await this.observedValues(personId, [input.competencyId], document))[input.competencyId] ?? null);
      fields = { from, target: input.target, title: `Grow ${competencyName} to ${input.target}` };
    }
    const goal = await this.ports.goals.create({
      personId,
      competencyId: input.competencyId,
      from: fields.from,
      target: fields.target,
      title: input.title ?? fields.title,
      actions,
      due: input.due ?? null,
      isSharedWithManager: input.isSharedWithManager ?? true,
    });
    return { goal, warnings: dueDateWarnings(goal.due, null, dayOf(this.now())) };
  }

  async update(
    viewer: Viewer,
    goalId: string,
    update: GoalUpdate,
  ): Promise<{ goal: DevelopmentGoal; warnings: SaveWarning[] }> {
    const goal = await this.requireOwn(viewer, goalId);
    if (update.status === "achieved") {
      GoalService.assertValid([{ path: "body.status", message: "readiness marks a goal achieved, not an edit" }]);
    }
    if (update.status !== undefined) assertGoalTransition(goal.status, update.status);
    if (goal.status === "achieved" && update.target !== undefined && update.target !== goal.target) {
      throw new AppError("conflict", "An achieved goal's target stays as it was: set a new goal to go further", [
        { path: "body.target", message: "the goal is already achieved" },
      ]);
    }
    const { document } = await this.ports.activeFramework();
    const actions = update.actions === undefined ? undefined : this.withIds(update.actions);
    GoalService.assertValid(
      validateGoalFields(
        {
          ...(update.target === undefined ? {} : { target: update.target }),
          ...(update.due === undefined ? {} : { due: update.due }),
          ...(actions === undefined ? {} : { actions }),
        },
        document,
      ),
    );
    const patch: GoalPatch = {
      ...(update.title === undefined ? {} : { title: update.title }),
      ...(update.target === undefined ? {} : { target: update.target }),
      ...(update.due === undefined ? {} : { due: update.due }),
      ...(update.status === undefined ? {} : { status: update.status }),
      ...(update.isSharedWithManager === undefined ? {} : { isSharedWithManager: update.isSharedWithManager }),
      ...(actions === undefined ? {} : { actions }),
    };
    const updated = await this.ports.goals.update(goal.id, patch);
    return { goal: updated, warnings: dueDateWarnings(update.due, goal.due, dayOf(this.now())) };
  }

  /** A dated progress note on an active goal. */
  async checkIn(
    viewer: Viewer,
    goalId: string,
    input: { progress?: number | null | undefined; note: string },
  ): Promise<DevelopmentGoal> {
    const goal = await this.requireOwn(viewer, goalId);
    if (goal.status !== "active") {
      throw new AppError("conflict", `The goal is ${goal.status}: check-ins go on active goals`);
    }
    await this.ports.goals.addCheckIn({
      goalId: goal.id,
      at: this.now(),
      progress: input.progress ?? null,
      note: input.note,
    });
    const updated = await this.ports.goals.findById(goal.id);
    if (!updated) throw new AppError("not_found", `No goal "${goalId}" of yours`);
    return updated;
  }

  async delete(viewer: Viewer, goalId: string): Promise<void> {
    const goal = await this.requireOwn(viewer, goalId);
    await this.ports.goals.delete(goal.id);
  }
}
