import type { TAssessmentRelation } from "@ascent/contract";

/** The words the wizard uses, which change with who is rating whom. */
export interface WizardWording {
  /** Shown above the descriptor of the rated person's level. */
  levelTag: string;
  ratingLegend: (competency: string) => string;
  ratingHint: string;
  evidenceLabel: string;
  evidenceHint: string;
  evidenceLogName: string;
  evidenceLogHref: string | null;
  noEvidence: string;
  reviewLead: string;
  submitLabel: string;
  confirmTitle: string;
  confirmText: string;
  thanksTitle: string;
  thanksText: string;
}

export function wizardWording(relation: TAssessmentRelation, subjectName: string, k: number | null): WizardWording {
  const first = subjectName.split(" ")[0] || subjectName;
  const anonymity =
    `Only the average of at least ${k ?? "k"} colleagues' scores is ever shown, and only once the request ` +
    `closes; nobody, admins included, sees your answers on their own or with your name.`;
  const commentRule =
    `${first} and their manager read comments only once the request closes with at least ${k ?? "k"} answers, ` +
    `without names or dates, mixed with the others' and in no order that points to you.`;
  switch (relation) {
    case "self":
      return {
        levelTag: "Your level",
        ratingLegend: (competency) => `How would you rate yourself on ${competency.toLowerCase()}?`,
        ratingHint: "Compare your everyday work with both descriptors, then pick the closest point on the scale.",
        evidenceLabel: "Evidence",
        evidenceHint: "Examples from your work that show this rating: what you did, and what came of it.",
        evidenceLogName: "your evidence log",
        evidenceLogHref: "/growth/evidence",
        noEvidence: "Your evidence log is empty.",
        reviewLead:
          "Check each answer before you submit. Competencies you leave unrated count as unknown in your readiness.",
        submitLabel: "Submit self-assessment",
        confirmTitle: "Submit your self-assessment?",
        confirmText:
          "Once submitted it can no longer change; to revise it later you start a correction, which replaces it.",
        thanksTitle: "Thank you: your self-assessment is submitted",
        thanksText:
          "It now counts in your readiness, with the weight your organisation gives self-ratings. See where you stand on My growth.",
      };
    case "manager":
      return {
        levelTag: `${first}’s level`,
        ratingLegend: (competency) => `How would you rate ${first} on ${competency.toLowerCase()}?`,
        ratingHint: `Compare ${first}’s work with both descriptors, then pick the closest point on the scale.`,
        evidenceLabel: "Evidence",
        evidenceHint: `What you have seen ${first} do that supports this rating. ${first} can read your manager assessment.`,
        evidenceLogName: `${first}’s shared evidence`,
        evidenceLogHref: null,
        noEvidence: `${first} has not shared any evidence entries with you.`,
        reviewLead: `Check each answer before you submit. Competencies you leave unrated count as unknown in ${first}’s readiness.`,
        submitLabel: "Submit assessment",
        confirmTitle: `Submit your assessment of ${first}?`,
        confirmText:
          "Once submitted it can no longer change; to revise it later you start a correction, which replaces it.",
        thanksTitle: `Thank you: your assessment of ${first} is submitted`,
        thanksText: `It now counts in ${first}’s readiness, with the weight your organisation gives manager ratings.`,
      };
    case "peer":
    case "upward":
      return {
        levelTag: `${first}’s level`,
        ratingLegend: (competency) => `How would you rate ${first} on ${competency.toLowerCase()}?`,
        ratingHint: "Rate only what you have seen. Skip a competency if you cannot judge it.",
        evidenceLabel: "Comment",
        evidenceHint: `What you have seen, in words ${first} can act on. ${commentRule}`,
        evidenceLogName: "",
        evidenceLogHref: null,
        noEvidence: "",
        reviewLead: `Check each answer before you submit. Skipped competencies are simply left out. ${anonymity}`,
        submitLabel: "Submit feedback",
        confirmTitle: `Submit your feedback for ${first}?`,
        confirmText: "Answers are final once given. They are released only as an anonymous aggregate.",
        thanksTitle: "Thank you: your feedback is in",
        thanksText: `${first} will see it only inside an average over at least ${k ?? "k"} colleagues, once the request closes.`,
      };
  }
}
