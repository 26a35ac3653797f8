import { assertAdmin } from "../access/access.ts";
import type { Viewer } from "../access/viewer.ts";

/** What the checklist reads of the organisation, in one look. */
export interface SetupFacts {
  /** Frameworks with a published version that the organisation made or imported (not the built-in one). */
  ownFrameworks: number;
  /** Whether anyone has opened the built-in ladder's draft editor or published a later version of it. */
  builtinAdapted: boolean;
  /** Active people who are not demo people, the admins' own records left out. */
  people: number;
  /** Of those, how many have no level yet (their title was not placed on the ladder). */
  unplaced: number;
  /** Invite links made for people who are not admins, used or not. */
  invitesSent: number;
  /** People (not admins, not demo) who have signed up: an account with a password. */
  signedUp: number;
  reviewCycles: number;
  demoPeople: number;
}

export interface SetupFactsSource {
  read(): Promise<SetupFacts>;
}

export type SetupStepId = "ladder" | "people" | "titles" | "invites" | "cycle" | "demo";

export interface SetupStep {
  id: SetupStepId;
  isDone: boolean;
  /** What the numbers say now, e.g. "12 of 40 people have no level yet". */
  detail: string;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * The admin's first-hour checklist. Each step ticks itself off from the data, never from a click:
 * a step is done when the organisation is in the state the step asks for.
 */
export class SetupChecklistService {
  constructor(private readonly facts: SetupFactsSource) {}

  async checklist(viewer: Viewer): Promise<SetupStep[]> {
    assertAdmin(viewer);
    const f = await this.facts.read();
    return [
      {
        id: "ladder",
        isDone: f.ownFrameworks > 0 || f.builtinAdapted,
        detail:
          f.ownFrameworks > 0
            ? `${plural(f.ownFrameworks, "framework", "frameworks")} of your own published`
            : f.builtinAdapted
              ? "The built-in ladder has been adapted"
              : "Using the built-in Product Management ladder as it ships",
      },
      {
        id: "people",
        isDone: f.people > 0,
        detail: f.people > 0 ? `${plural(f.people, "person", "people")} in the organisation` : "Nobody imported yet",
      },
      {
        id: "titles",
        isDone: f.people > 0 && f.unplaced === 0,
        detail:
          f.people === 0
            ? "Import people first"
            : f.unplaced === 0
              ? "Everyone has a level"
              : `${plural(f.unplaced, "person has", "people have")} no level yet`,
      },
      {
        id: "invites",
        isDone: f.invitesSent > 0,
        detail:
          f.invitesSent === 0
            ? "No invitations yet"
            : `${plural(f.invitesSent, "invitation", "invitations")} sent, ${f.signedUp} signed up`,
      },
      {
        id: "cycle",
        isDone: f.reviewCycles > 0,
        detail: f.reviewCycles === 0 ? "No review cycle yet" : plural(f.reviewCycles, "review cycle", "review cycles"),
      },
      {
        id: "demo",
        isDone: f.demoPeople === 0,
        detail:
          f.demoPeople === 0
            ? "No demo data"
            : `${plural(f.demoPeople, "demo person is", "demo people are")} still loaded`,
      },
    ];
  }
}
