// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { NomineeSearch, type FoundColleague } from "./nominee-search.tsx";

const PIA = { id: "00000000-0000-4000-8000-000000000001", name: "Pia Peer", title: "Product Manager", team: "Product" };
const PETE = { id: "00000000-0000-4000-8000-000000000002", name: "Pete Peer", title: "", team: "Product" };
const searched: string[] = [];

beforeEach(() => {
  searched.length = 0;
  vi.stubGlobal("fetch", async (url: string) => {
    searched.push(new URL(url, "http://x").searchParams.get("search") ?? "");
    return new Response(JSON.stringify({ people: [PIA, PETE] }), { headers: { "content-type": "application/json" } });
  });
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderSearch(props: { excludeIds?: string[]; error?: string }) {
  const picked: FoundColleague[] = [];
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <NomineeSearch
        label="Find a peer"
        actionText="Nominate"
        actionLabel={(person) => `Nominate ${person.name}`}
        onPick={(person) => picked.push(person)}
        excludeIds={props.excludeIds ?? []}
        error={props.error}
      />
    </QueryClientProvider>,
  );
  return { picked, field: screen.getByRole("searchbox", { name: "Find a peer" }) };
}

describe("the nominee search", () => {
  it("searches from two letters, hides the excluded and hands the chosen colleague back", async () => {
    const user = userEvent.setup();
    const { picked, field } = renderSearch({ excludeIds: [PETE.id] });
    await user.type(field, "P");
    expect(screen.getByRole("status").textContent).toBe("Type at least two letters of a name, title or team.");
    expect(searched).toEqual([]);
    await user.type(field, "e");
    await screen.findByRole("button", { name: "Nominate Pia Peer" });
    expect(searched).toEqual(["Pe"]);
    expect(screen.queryByRole("button", { name: "Nominate Pete Peer" })).toBeNull();
    expect(screen.getByRole("status").textContent).toBe("1 person found.");
    await user.click(screen.getByRole("button", { name: "Nominate Pia Peer" }));
    expect(picked.map((p) => p.id)).toEqual([PIA.id]);
  });

  it("shows the API's refusal beside the field and ties it to the field", () => {
    const { field } = renderSearch({ error: "Cannot nominate as peer: Dana Director is Mia Member's manager" });
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("Dana Director is Mia Member's manager");
    expect(field.getAttribute("aria-invalid")).toBe("true");
    expect(field.getAttribute("aria-describedby")?.split(" ")).toContain(alert.id);
  });
});
