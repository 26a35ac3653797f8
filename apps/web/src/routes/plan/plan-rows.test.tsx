// @vitest-environment happy-dom
import type { TCareerPlan } from "@ascent/contract";
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import type { Ladder } from "../../api/ladder.ts";
import { LearningSection } from "./learning-section.tsx";
import { bodyFromDraft, type PlanDraft } from "./plan-draft.ts";
import { StepsSection } from "./steps-section.tsx";

afterEach(cleanup);

// The sections read only the guide of the plan, for their headings.
const plan = { guide: [] } as unknown as TCareerPlan;

const ladder: Ladder = {
  levels: [],
  competencies: [
    { id: "strategy", name: "Strategy", area: "Direction", description: "" },
    { id: "delivery", name: "Delivery", area: "Execution", description: "" },
  ],
  scale: { min: 1, max: 5, points: [] },
  expectations: {},
};

const emptyDraft = (): PlanDraft => ({
  targetLevelId: "",
  horizonMonths: "",
  scopeOfInfluence: "",
  preferredIndustries: [],
  impact: "",
  selfAwareness: { strengths: [], weaknesses: [], interests: [], values: [], motivations: [] },
  learning: [],
  steps: [],
  beyondTitles: [],
  cadence: "quarterly",
});

/** The plan page's state around one section; what it would save is shown as JSON. */
function Plan({ section }: { section: "steps" | "learning" }) {
  const [draft, setDraft] = useState(emptyDraft);
  const props = { plan, draft, update: setDraft, errors: {} };
  return (
    <>
      {section === "steps" ? (
        <StepsSection {...props} warnings={{ "steps.0.due": "This date is in the past." }} />
      ) : (
        <LearningSection {...props} ladder={ladder} />
      )}
      <output data-testid="body">{JSON.stringify(bodyFromDraft(draft))}</output>
    </>
  );
}

const body = () => JSON.parse(screen.getByTestId("body").textContent ?? "{}") as ReturnType<typeof bodyFromDraft>;

describe("the career plan's steps", () => {
  it("adds a step with the focus in its action, marks it done, shows the API's warning, and removes it", async () => {
    const user = userEvent.setup();
    render(<Plan section="steps" />);
    expect(screen.getByText("No steps yet")).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Add a step" }));
    await user.keyboard("Write the pricing memo");
    const step = screen.getByRole("group", { name: "Write the pricing memo" });
    await user.click(within(step).getByRole("checkbox", { name: "Done" }));
    expect(body().steps ?? []).toEqual([{ text: "Write the pricing memo", due: null, isDone: true }]);
    expect(within(step).getByText("This date is in the past.")).toBeTruthy();

    await user.click(within(step).getByRole("button", { name: "Remove Write the pricing memo" }));
    expect(body().steps ?? []).toEqual([]);
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Add a step" }));
  });
});

describe("the career plan's learning", () => {
  it("links and unlinks competencies on one item without touching the next", async () => {
    const user = userEvent.setup();
    render(<Plan section="learning" />);
    const add = screen.getByRole("button", { name: "Add a learning item" });
    await user.click(add);
    await user.keyboard("Pricing course");
    await user.click(add);
    await user.keyboard("Shadow a launch");

    const course = screen.getByRole("group", { name: "Pricing course" });
    await user.selectOptions(within(course).getByRole("combobox", { name: /Link a competency/ }), "strategy");
    await user.selectOptions(within(course).getByRole("combobox", { name: /Link a competency/ }), "delivery");
    await user.click(within(course).getByRole("button", { name: "Unlink Strategy" }));

    expect((body().learning ?? []).map((item) => [item.title, item.competencyIds])).toEqual([
      ["Pricing course", ["delivery"]],
      ["Shadow a launch", []],
    ]);
  });
});
