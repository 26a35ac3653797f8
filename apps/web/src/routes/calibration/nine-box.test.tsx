// @vitest-environment happy-dom
import type { TCalibrationPerson } from "@ascent/contract";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Box } from "./calibration-labels.ts";
import { NineBox, type MoveRequest } from "./nine-box.tsx";

const readiness = { targetLevelId: "pm", score: 0.5, verdict: "almost" as const };

function buildPerson(id: string, name: string, box: Box, proposedBox: Box = box): TCalibrationPerson {
  return {
    personId: id,
    name,
    title: "Product Manager",
    team: "Core",
    levelId: "pm",
    managerId: null,
    competencies: [],
    performance: readiness,
    potential: { ...readiness, targetLevelId: "senior-pm" },
    box,
    proposedBox,
    boxReason: null,
    managerRaterEffect: null,
  };
}

const MIA = buildPerson("mia", "Mia Member", { performance: "medium", potential: "high" });
const PAZ = buildPerson(
  "paz",
  "Paz Peer",
  { performance: "low", potential: "low" },
  { performance: "medium", potential: "low" },
);

function renderBox(isFrozen = false) {
  const moves: MoveRequest[] = [];
  render(
    <NineBox
      people={[MIA, PAZ]}
      isFrozen={isFrozen}
      onMove={(request) => moves.push(request)}
      focus={null}
      onFocused={vi.fn()}
      isDialogOpen={false}
    />,
  );
  return moves;
}

afterEach(cleanup);

describe("NineBox", () => {
  it("places each person in their box, marks a moved one, and names each box with its count", () => {
    renderBox();
    const top = screen.getByRole("region", { name: "Medium performance, high potential: 1 person" });
    expect(within(top).getByRole("button", { name: "Mia Member" })).toBeTruthy();
    const corner = screen.getByRole("region", { name: "Low performance, low potential: 1 person" });
    expect(within(corner).getByRole("button", { name: "Paz Peer (moved)" })).toBeTruthy();
    expect(screen.getAllByRole("region")).toHaveLength(9);
  });

  it("asks to move a person one box along the arrow key, and not past the grid's edge", async () => {
    const moves = renderBox();
    const mia = screen.getByRole("button", { name: "Mia Member" });
    mia.focus();
    await userEvent.keyboard("{ArrowRight}");
    await userEvent.keyboard("{ArrowDown}");
    await userEvent.keyboard("{ArrowUp}");
    expect(moves.map((m) => [m.person.personId, m.target])).toEqual([
      ["mia", { performance: "high", potential: "high" }],
      ["mia", { performance: "medium", potential: "medium" }],
    ]);
    await userEvent.keyboard("{Enter}");
    expect(moves.at(-1)).toEqual({ person: MIA, target: null });
  });

  it("asks to move a person dropped on another box, and ignores a drop on their own", () => {
    const moves = renderBox();
    const data = new Map<string, string>();
    const dataTransfer = {
      setData: (type: string, value: string) => data.set(type, value),
      getData: (type: string) => data.get(type) ?? "",
      effectAllowed: "",
    };
    fireEvent.dragStart(screen.getByRole("button", { name: "Mia Member" }), { dataTransfer });
    const target = screen.getByRole("region", { name: /^High performance, low potential/ });
    fireEvent.dragOver(target, { dataTransfer });
    fireEvent.drop(target, { dataTransfer });
    fireEvent.drop(screen.getByRole("region", { name: /^Medium performance, high potential/ }), { dataTransfer });
    expect(moves).toEqual([{ person: MIA, target: { performance: "high", potential: "low" } }]);
  });

  it("shows a closed session's boxes without anything to press or drag", () => {
    renderBox(true);
    expect(screen.queryAllByRole("button")).toEqual([]);
    expect(screen.getByText(/The session is closed/)).toBeTruthy();
  });
});
