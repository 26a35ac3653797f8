/** Who is asking. Anonymous callers have no viewer. */
export interface Viewer {
  personId: string;
  name: string;
  isAdmin: boolean;
  /** How they proved it. CSRF checks apply to sessions only. */
  via: "session" | "token";
  /**
   * Since when the person's private content is sealed, after an admin-made password reset, until
   * they prove themselves with their previous password (decisions/0004); absent or null otherwise.
   */
  privateSealedAt?: Date | null;
}

/** How the viewer stands towards the person a request is about. */
export interface Relationship {
  isSelf: boolean;
  isDirectManager: boolean;
  /** Anywhere above the subject in the reporting chain, direct manager included. */
  isInManagementChain: boolean;
  /** Asked to give feedback on the subject through an open request (Assessments issue). */
  hasOpenFeedbackRequest: boolean;
}

export const NO_RELATIONSHIP: Relationship = {
  isSelf: false,
  isDirectManager: false,
  isInManagementChain: false,
  hasOpenFeedbackRequest: false,
};
