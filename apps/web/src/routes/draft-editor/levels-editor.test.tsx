// @vitest-environment happy-dom
import { LIMITS, type TFramework } from "@ascent/contract";
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { CompetenciesEditor } from "./competencies-editor.tsx";
import { LevelsEditor } from "./levels-editor.tsx";

afterEach(cleanup);

type Level = TFramework["levels"][number];
type Competency = TFramework["competencies"][number];

const buildLevel = (overrides: Partial<Level>): Level => ({
  id: "pm",
  rank: 1,
  name: "Product Manager",
  track: "ic",
  aliases: [],
  scope: "A feature area",
  summary: "Ships features",
  ...overrides,
});

function Levels({ errors = {} }: { errors?: Record<string, string> }) {
  const [levels, setLevels] = useState([
    buildLevel({}),
    buildLevel({ id: "gpm", rank: 2, name: "Group PM", track: "manager" }),
  ]);
  const [aliases, setAliases] = useState<Record<string, string>>({ pm: "PM" });
  return (
    <>
      <LevelsEditor
        levels={levels}
        aliasText={aliases}
        errors={errors}
        onChange={(apply) => setLevels(apply)}
        onAliasChange={(id, text) => setAliases((current) => ({ ...current, [id]: text }))}
      />
      <output data-testid="state">{JSON.stringify({ levels, aliases })}</output>
    </>
  );
}

const state = () =>
  JSON.parse(screen.getByTestId("state").textContent ?? "{}") as {
    levels: Level[];
    aliases: Record<string, string>;
    competencies: Competency[];
  };

describe("the framework draft's levels table", () => {
  it("edits a level's name, track and other titles in place, leaving the other levels alone", async () => {
    const user = userEvent.setup();
    render(<Levels />);
    const name = screen.getByRole("textbox", { name: "Name of level 2" });
    expect(name.getAttribute("maxLength")).toBe(String(LIMITS.shortText));
    await user.clear(name);
    await user.type(name, "Director");
    await user.selectOptions(screen.getByRole("combobox", { name: "Track of level 2" }), "executive");
    await user.type(screen.getByRole("textbox", { name: "Other titles of level 1, comma-separated" }), ", APM");

    const { levels, aliases } = state();
    expect(levels.map((l) => [l.name, l.track])).toEqual([
      ["Product Manager", "ic"],
      ["Director", "executive"],
    ]);
    expect(aliases.pm).toBe("PM, APM");
  });

  it("shows the API's error under the cell at its path and ties it to the control", () => {
    render(<Levels errors={{ "levels.1.summary": "must not be empty" }} />);
    const summary = screen.getByRole("textbox", { name: "Summary of level 2" });
    expect(summary.getAttribute("aria-invalid")).toBe("true");
    const describedBy = summary.getAttribute("aria-describedby") ?? "";
    expect(document.getElementById(describedBy)?.textContent).toBe("must not be empty");
    expect(screen.getByRole("textbox", { name: "Summary of level 1" }).getAttribute("aria-invalid")).toBeNull();
  });
});

describe("the framework draft's competencies table", () => {
  it("edits a competency's area and description", async () => {
    const user = userEvent.setup();
    function Competencies() {
      const [competencies, setCompetencies] = useState<Competency[]>([
        { id: "strategy", name: "Strategy", area: "Direction", description: "Sets direction" },
        { id: "delivery", name: "Delivery", area: "Execution", description: "Ships" },
      ]);
      return (
        <>
          <CompetenciesEditor competencies={competencies} errors={{}} onChange={(apply) => setCompetencies(apply)} />
          <output data-testid="state">{JSON.stringify({ competencies })}</output>
        </>
      );
    }
    render(<Competencies />);
    expect(screen.getByRole("rowheader", { name: "delivery" })).toBeTruthy();
    await user.clear(screen.getByRole("textbox", { name: "Area of competency 2 (delivery)" }));
    await user.type(screen.getByRole("textbox", { name: "Area of competency 2 (delivery)" }), "Craft");
    await user.type(screen.getByRole("textbox", { name: "Description of competency 1 (strategy)" }), " well");
    expect(state().competencies.map((c) => [c.area, c.description])).toEqual([
      ["Direction", "Sets direction well"],
      ["Craft", "Ships"],
    ]);
  });
});
