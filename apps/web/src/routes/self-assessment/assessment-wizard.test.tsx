// @vitest-environment happy-dom
import { LIMITS, type TAssessment, type TAssessmentRatingInput, type TFramework } from "@ascent/contract";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AssessmentWizard } from "./assessment-wizard.tsx";

const MIA = { id: "00000000-0000-4000-8000-000000000001", name: "Mia Member" };
const ASSESSMENT_ID = "00000000-0000-4000-8000-0000000000a1";
const AT = "2026-01-05T09:00:00.000Z";

const expectation = (expected: number) => ({
  expected,
  weight: 1,
  descriptor: `Expected ${expected}`,
  interpolated: false,
});

const FRAMEWORK: TFramework = {
  slug: "test-ladder",
  name: "Test ladder",
  description: "",
  sources: [],
  scale: {
    min: 1,
    max: 3,
    points: [
      { value: 1, label: "Learning", description: "Needs help" },
      { value: 2, label: "Solid", description: "On their own" },
      { value: 3, label: "Leading", description: "Teaches others" },
    ],
  },
  levels: [{ id: "pm", rank: 1, name: "Product Manager", track: "ic", aliases: [], scope: "", summary: "" }],
  competencies: [
    { id: "strategy", name: "Strategy", area: "Direction", description: "Sets direction" },
    { id: "delivery", name: "Delivery", area: "Execution", description: "Ships" },
  ],
  expectations: { pm: { strategy: expectation(2), delivery: expectation(2) } },
  playbooks: [],
};

/** An in-memory server for the endpoints the wizard calls; it records each ratings save and the submit. */
function fakeServer() {
  const saves: TAssessmentRatingInput[][] = [];
  let submitted = false;
  const draft = (): TAssessment => ({
    id: ASSESSMENT_ID,
    subject: MIA,
    rater: MIA,
    relation: "self",
    status: submitted ? "submitted" : "draft",
    frameworkId: "00000000-0000-4000-8000-0000000000f1",
    frameworkVersion: 1,
    levelId: "pm",
    feedbackRequestId: null,
    supersedesId: null,
    submittedAt: submitted ? AT : null,
    migratedFrom: null,
    createdAt: AT,
    updatedAt: AT,
    ratings: (saves.at(-1) ?? []).map((r) => ({
      competencyId: r.competencyId,
      score: r.score ?? null,
      evidence: r.evidence ?? "",
      confidence: r.confidence ?? null,
      evidenceIds: r.evidenceIds ?? [],
    })),
  });
  const json = (body: unknown) =>
    new Response(JSON.stringify(body), { headers: { "content-type": "application/json" } });
  const fetch = vi.fn(async (url: string, init: RequestInit) => {
    const method = init.method ?? "GET";
    if (method === "POST" && url === "/api/assessments") return json(draft());
    if (method === "GET" && url.startsWith("/api/frameworks/"))
      return json({ frameworkId: draft().frameworkId, version: 1, document: FRAMEWORK });
    if (method === "GET" && url === `/api/people/${MIA.id}/evidence`) return json({ evidence: [] });
    if (method === "GET" && url === "/api/settings/readiness") return json({ weights: {}, k: 3, minimumK: 2 });
    if (method === "PUT" && url === `/api/assessments/${ASSESSMENT_ID}/ratings`) {
      saves.push((JSON.parse(String(init.body)) as { ratings: TAssessmentRatingInput[] }).ratings);
      return json(draft());
    }
    if (method === "POST" && url === `/api/assessments/${ASSESSMENT_ID}/submit`) {
      submitted = true;
      return json(draft());
    }
    return new Response(JSON.stringify({ error: "not_found", message: `${method} ${url}` }), { status: 404 });
  });
  return { fetch, saves, isSubmitted: () => submitted };
}

let server: ReturnType<typeof fakeServer>;

beforeEach(() => {
  server = fakeServer();
  // The app's API client binds the global fetch once, on first use; this one hands each call to this test's server.
  vi.stubGlobal("fetch", (url: string, init: RequestInit) => server.fetch(url, init));
  // happy-dom's <dialog> has no top layer; the wizard's confirmation only needs it open.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderWizard() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter>
        <AssessmentWizard subjectId={MIA.id} relation="self" done={{ to: "/growth", label: "See My growth" }} />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe("the assessment wizard", () => {
  it("rates one competency per step, then saves and submits from the review", async () => {
    const user = userEvent.setup();
    renderWizard();

    expect(await screen.findByRole("heading", { name: "Strategy", level: 2 })).toBeTruthy();
    expect(screen.getByText(/Competency 1 of 2/)).toBeTruthy();
    await user.click(screen.getByRole("radio", { name: /Solid/ }));
    await user.type(screen.getByRole("textbox", { name: /Evidence/ }), "Wrote the strategy memo");

    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(await screen.findByRole("heading", { name: "Delivery", level: 2 })).toBeTruthy();
    const nav = screen.getByRole("navigation", { name: "Assessment steps" });
    expect(within(nav).getByRole("button", { name: /Strategy\W+rated/ })).toBeTruthy();
    expect(within(nav).getByRole("button", { name: /Delivery\W+not rated yet/ })).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Review answers" }));
    await user.click(screen.getByRole("button", { name: "Submit self-assessment" }));
    const dialog = await screen.findByRole("dialog", { name: "Submit your self-assessment?" });
    await user.click(within(dialog).getByRole("button", { name: "Submit self-assessment" }));

    expect(await screen.findByRole("heading", { name: "Thank you: your self-assessment is submitted" })).toBeTruthy();
    expect(server.isSubmitted()).toBe(true);
    // The competency left unrated is not sent: it counts as unknown.
    expect(server.saves.at(-1)).toEqual([
      expect.objectContaining({ competencyId: "strategy", score: 2, evidence: "Wrote the strategy memo" }),
    ]);
  });

  it("holds back an answer over the contract's evidence limit: says so, saves nothing and refuses to submit", async () => {
    const user = userEvent.setup();
    renderWizard();
    await screen.findByRole("heading", { name: "Strategy", level: 2 });
    await user.click(screen.getByRole("radio", { name: /Leading/ }));
    fireEvent.change(screen.getByRole("textbox", { name: /Evidence/ }), {
      target: { value: "x".repeat(LIMITS.evidenceText + 1) },
    });

    expect(screen.getByRole("alert").textContent).toContain(`1 characters over the limit of ${LIMITS.evidenceText}`);
    expect(screen.getByRole("status").textContent).toBe("Not saved: an answer is over the length limit.");

    await user.click(within(screen.getByRole("navigation")).getByRole("button", { name: /Review and submit/ }));
    await user.click(screen.getByRole("button", { name: "Submit self-assessment" }));
    expect(screen.getByText("Shorten the answers that are over the length limit before submitting.")).toBeTruthy();
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(server.saves).toEqual([]);
    expect(server.isSubmitted()).toBe(false);
  });
});
