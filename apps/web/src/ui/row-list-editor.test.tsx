// @vitest-environment happy-dom
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { RowListEditor } from "./row-list-editor.tsx";

afterEach(cleanup);

interface Row {
  key: string;
  text: string;
}

let nextKey = 0;

/** The editor over local state, as a page holds it; the rows are shown as JSON for the assertions. */
function Harness({ initial }: { initial: Row[] }) {
  const [rows, setRows] = useState(initial);
  return (
    <>
      <RowListEditor<Row>
        layout="cards"
        rows={rows}
        rowKey={(row) => row.key}
        onRowsChange={(apply) => setRows(apply)}
        rowName={(row, index) => row.text || `Row ${index + 1}`}
        newRow={() => ({ key: `new-${++nextKey}`, text: "" })}
        addLabel="Add a row"
        empty={<p>Nothing yet</p>}
        renderRow={(row, index, tools) => (
          <label>
            Text of row {index + 1}
            <input
              ref={tools.firstFieldRef}
              value={row.text}
              onChange={(e) => tools.change({ text: e.target.value })}
            />
          </label>
        )}
      />
      <output data-testid="rows">{JSON.stringify(rows.map((row) => row.text))}</output>
    </>
  );
}

const shown = () => JSON.parse(screen.getByTestId("rows").textContent ?? "[]") as string[];

describe("RowListEditor as cards", () => {
  it("shows the empty state, then adds a row and puts the focus in its first field", async () => {
    const user = userEvent.setup();
    render(<Harness initial={[]} />);
    expect(screen.getByText("Nothing yet")).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Add a row" }));
    const field = screen.getByRole("textbox", { name: "Text of row 1" });
    expect(document.activeElement).toBe(field);
    await user.keyboard("Ship the roadmap");
    expect(shown()).toEqual(["Ship the roadmap"]);
    expect(screen.getByRole("group", { name: "Ship the roadmap" })).toBeTruthy();
  });

  it("changes only its own row, and removing one returns the focus to the Add button", async () => {
    const user = userEvent.setup();
    render(
      <Harness
        initial={[
          { key: "a", text: "First" },
          { key: "b", text: "Second" },
        ]}
      />,
    );
    await user.type(screen.getByRole("textbox", { name: "Text of row 2" }), "!");
    expect(shown()).toEqual(["First", "Second!"]);

    const first = screen.getByRole("group", { name: "First" });
    await user.click(within(first).getByRole("button", { name: "Remove First" }));
    expect(shown()).toEqual(["Second!"]);
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Add a row" }));
  });
});

describe("RowListEditor as a table", () => {
  it("names each row by its header cell and merges a cell's change into its row", async () => {
    const user = userEvent.setup();
    function Table() {
      const [rows, setRows] = useState<Row[]>([{ key: "pm", text: "Product Manager" }]);
      return (
        <>
          <RowListEditor<Row>
            layout="table"
            caption="Levels"
            columns={[{ header: "Id" }, { header: "Name" }]}
            rows={rows}
            rowKey={(row) => row.key}
            onRowsChange={(apply) => setRows(apply)}
            renderRowHeader={(row) => row.key}
            renderRow={(row, _index, { change }) => (
              <td>
                <input
                  aria-label={`Name of ${row.key}`}
                  value={row.text}
                  onChange={(e) => change({ text: e.target.value })}
                />
              </td>
            )}
          />
          <output data-testid="rows">{JSON.stringify(rows.map((row) => row.text))}</output>
        </>
      );
    }
    render(<Table />);
    expect(screen.getByRole("table", { name: "Levels" })).toBeTruthy();
    expect(screen.getByRole("rowheader", { name: "pm" })).toBeTruthy();
    const input = screen.getByRole("textbox", { name: "Name of pm" });
    await user.clear(input);
    await user.type(input, "Senior PM");
    expect(shown()).toEqual(["Senior PM"]);
    expect(screen.queryByRole("button", { name: /Add|Remove/ })).toBeNull();
  });
});
