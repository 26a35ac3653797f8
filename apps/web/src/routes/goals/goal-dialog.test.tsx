// @vitest-environment happy-dom
import { LIMITS, type TGoal, type TUpdateGoalBody } from "@ascent/contract";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Ladder } from "../../api/ladder.ts";
import { GoalDialog } from "./goal-dialog.tsx";

const PERSON = "00000000-0000-4000-8000-000000000001";
const GOAL: TGoal = {
  id: "00000000-0000-4000-8000-0000000000b1",
  personId: PERSON,
  competencyId: "leadership",
  competencyName: "Leadership",
  title: "Grow leadership to 4",
  from: 2,
  target: 4,
  due: null,
  status: "active",
  isSharedWithManager: true,
  actions: [
    { id: "a1", text: "Run the offsite", isDone: false },
    { id: "a2", text: "Mentor a new PM", isDone: true },
  ],
  checkIns: [],
  createdAt: "2026-01-05T09:00:00.000Z",
  achievedAt: null,
};
const LADDER: Ladder = { levels: [], competencies: [], scale: { min: 1, max: 5, points: [] }, expectations: {} };

/** What the PATCH of the goal answers: the saved goal with a warning, or the API's field errors. */
let answer: (body: TUpdateGoalBody) => Response;
const sent: TUpdateGoalBody[] = [];

beforeEach(() => {
  sent.length = 0;
  // The app's API client binds the global fetch once, on first use; this one reads `answer` on each call.
  vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
    if (init.method === "PATCH" && url === `/api/goals/${GOAL.id}`) {
      const body = JSON.parse(String(init.body)) as TUpdateGoalBody;
      sent.push(body);
      return answer(body);
    }
    return new Response(JSON.stringify({ goals: [] }), { headers: { "content-type": "application/json" } });
  });
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderEdit() {
  const onSaved = vi.fn();
  const onClose = vi.fn();
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <GoalDialog personId={PERSON} goal={GOAL} ladder={LADDER} isOpen onClose={onClose} onSaved={onSaved} />
    </QueryClientProvider>,
  );
  return { onSaved, onClose, dialog: screen.getByRole("dialog", { name: "Edit goal" }) };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

describe("the goal dialog, editing a goal", () => {
  it("edits the title and actions and sends them with the ids of the actions it keeps", async () => {
    answer = () => json(200, { goal: GOAL, warnings: [{ path: "due", message: "The due date is past." }] });
    const user = userEvent.setup();
    const { dialog, onSaved, onClose } = renderEdit();

    const title = within(dialog).getByRole("textbox", { name: "Title" });
    expect(title.getAttribute("maxLength")).toBe(String(LIMITS.shortText));
    await user.clear(title);
    await user.type(title, "Lead the Q3 planning");
    await user.click(within(dialog).getByRole("button", { name: "Remove action 1" }));
    await user.type(within(dialog).getByRole("textbox", { name: "New action" }), "Present at the all-hands{Enter}");
    await user.click(within(dialog).getByRole("checkbox", { name: "Share this goal with my manager" }));
    await user.click(within(dialog).getByRole("button", { name: "Save goal" }));

    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(sent).toEqual([
      {
        title: "Lead the Q3 planning",
        target: 4,
        due: null,
        isSharedWithManager: false,
        actions: [
          { id: "a2", text: "Mentor a new PM", isDone: true },
          { text: "Present at the all-hands", isDone: false },
        ],
      },
    ]);
    expect(onSaved).toHaveBeenCalledWith(["The due date is past."]);
  });

  it("keeps the dialog open and shows the API's problem next to its field", async () => {
    answer = () =>
      json(400, {
        error: "validation_failed",
        message: "Invalid goal",
        details: [{ path: "body.target", message: "must be between 1 and 5" }],
      });
    const user = userEvent.setup();
    const { dialog, onClose } = renderEdit();
    const target = within(dialog).getByRole("spinbutton", { name: "Target" });
    await user.clear(target);
    await user.type(target, "9");
    await user.click(within(dialog).getByRole("button", { name: "Save goal" }));

    expect(await within(dialog).findByText("must be between 1 and 5")).toBeTruthy();
    expect(target.getAttribute("aria-invalid")).toBe("true");
    expect(within(dialog).getByText("Check the fields marked above.")).toBeTruthy();
    expect(onClose).not.toHaveBeenCalled();
  });
});
