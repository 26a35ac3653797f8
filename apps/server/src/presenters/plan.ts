import type { CareerPlanContent, CareerPlanReviewView, CareerPlanView, PlanChange } from "@ascent/core";
import type { TCareerPlan, TPlanChange, TPlanContent, TPlanReview } from "@ascent/contract";

/** Field by field, so that nothing stored beside the plan's content can leave with it. */
export function presentPlanContent(content: CareerPlanContent): TPlanContent {
  const { envision, selfAwareness } = content;
  return {
    envision: {
      targetLevelId: envision.targetLevelId,
      horizonMonths: envision.horizonMonths,
      scopeOfInfluence: envision.scopeOfInfluence,
      preferredIndustries: [...envision.preferredIndustries],
      impact: envision.impact,
    },
    selfAwareness: {
      strengths: [...selfAwareness.strengths],
      weaknesses: [...selfAwareness.weaknesses],
      interests: [...selfAwareness.interests],
      values: [...selfAwareness.values],
      motivations: [...selfAwareness.motivations],
    },
    learning: content.learning.map((item) => ({
      id: item.id,
      kind: item.kind,
      title: item.title,
      competencyIds: [...item.competencyIds],
      status: item.status,
    })),
    steps: content.steps.map((step) => ({ id: step.id, text: step.text, due: step.due, isDone: step.isDone })),
    beyondTitles: content.beyondTitles.map((entry) => ({
      company: entry.company,
      title: entry.title,
      responsibilities: entry.responsibilities,
    })),
  };
}

/** Suggestions from readiness go to the owner only: the core view leaves them null for anyone else. */
export function presentCareerPlan(view: CareerPlanView): TCareerPlan {
  return {
    personId: view.personId,
    isSaved: view.isSaved,
    plan: presentPlanContent(view.content),
    cadence: view.cadence,
    isSharedWithManager: view.isSharedWithManager,
    createdAt: view.createdAt?.toISOString() ?? null,
    updatedAt: view.updatedAt?.toISOString() ?? null,
    lastReviewedAt: view.lastReviewedAt?.toISOString() ?? null,
    nextReviewAt: view.nextReviewAt?.toISOString() ?? null,
    isDueForReview: view.isDueForReview,
    beyondTitles: view.beyondTitles.map((entry) => ({
      company: entry.company,
      title: entry.title,
      responsibilities: entry.responsibilities,
      levelId: entry.resolution.levelId,
      levelName: entry.levelName,
      confidence: entry.resolution.confidence,
      reason: entry.resolution.reason,
    })),
    suggestions: view.isOwnView ? view.suggestions : null,
    guide: view.guide.map((step) => ({
      id: step.id,
      name: step.name,
      summary: step.summary,
      themes: [...step.themes],
    })),
  };
}

export function presentPlanChange(change: PlanChange): TPlanChange {
  return { path: change.path, kind: change.kind, before: change.before, after: change.after };
}

export function presentPlanReview(review: CareerPlanReviewView): TPlanReview {
  return {
    id: review.id,
    reviewedAt: review.reviewedAt.toISOString(),
    note: review.note,
    plan: presentPlanContent(review.content),
    previousReviewId: review.previousReviewId,
    changes: review.changes.map(presentPlanChange),
  };
}
