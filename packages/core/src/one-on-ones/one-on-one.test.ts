import { describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error.ts";
import {
  ACTION_ITEM_TEXT_LIMIT,
  ONE_ON_ONE_NOTES_LIMIT,
  assertValidActionItems,
  assertValidHealthRatings,
  assertValidNotes,
  isParticipant,
  openActionItems,
  otherParticipant,
  sideOf,
  type AgendaAspect,
} from "./one-on-one.ts";

const pair = { leadId: "dana", reportId: "mia" };

function thrown(action: () => void): AppError {
  try {
    action();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

const aspects: AgendaAspect[] = ["a", "b", "c"].map((id) => ({
  id,
  name: id,
  leadBrings: "",
  reportBrings: "",
  prompts: [],
}));

describe("1:1 participants", () => {
  it("knows the two sides and nobody else", () => {
    expect(isParticipant(pair, "dana")).toBe(true);
    expect(isParticipant(pair, "admin")).toBe(false);
    expect(sideOf(pair, "dana")).toBe("lead");
    expect(sideOf(pair, "mia")).toBe("report");
    expect(sideOf(pair, "admin")).toBeNull();
    expect(otherParticipant(pair, "mia")).toBe("dana");
    expect(otherParticipant(pair, "dana")).toBe("mia");
  });

  it("carries over only the open action items, in order", () => {
    const items = [
      { id: "1", text: "one", ownerId: "mia", isDone: false },
      { id: "2", text: "two", ownerId: "dana", isDone: true },
      { id: "3", text: "three", ownerId: "dana", isDone: false },
    ];
    expect(openActionItems(items).map((i) => i.id)).toEqual(["1", "3"]);
  });
});

describe("1:1 rules", () => {
  it("limits notes to the shared length", () => {
    expect(() => assertValidNotes("x".repeat(ONE_ON_ONE_NOTES_LIMIT), "body.sharedNotes")).not.toThrow();
    expect(thrown(() => assertValidNotes("x".repeat(ONE_ON_ONE_NOTES_LIMIT + 1), "body.sharedNotes"))).toMatchObject({
      code: "validation_failed",
      details: [{ path: "body.sharedNotes" }],
    });
  });

  it("wants action items owned by a participant, with text, and unique ids", () => {
    const error = thrown(() =>
      assertValidActionItems(
        [
          { id: "1", text: "Fine", ownerId: "mia", isDone: false },
          { id: "2", text: "  ", ownerId: "admin", isDone: false },
          { id: "1", text: "x".repeat(ACTION_ITEM_TEXT_LIMIT + 1), ownerId: "dana", isDone: true },
        ],
        pair,
      ),
    );
    expect(error.details?.map((d) => d.path)).toEqual([
      "body.actionItems[1].text",
      "body.actionItems[1].ownerId",
      "body.actionItems[2].text",
      "body.actionItems[2].id",
    ]);
  });

  it("wants every aspect rated once, 1 to 5, and refuses unknown aspects", () => {
    expect(() => assertValidHealthRatings({ a: 1, b: 5, c: 3 }, aspects)).not.toThrow();
    const error = thrown(() => assertValidHealthRatings({ a: 0, b: 2.5, zzz: 3 }, aspects));
    expect(error.code).toBe("validation_failed");
    expect(error.details?.map((d) => d.path).sort()).toEqual([
      "body.ratings.a",
      "body.ratings.b",
      "body.ratings.c",
      "body.ratings.zzz",
    ]);
    expect(thrown(() => assertValidHealthRatings({ a: 3 }, []))).toMatchObject({ code: "validation_failed" });
  });
});
