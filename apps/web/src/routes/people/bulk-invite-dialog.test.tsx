// @vitest-environment happy-dom
import type { TBulkInviteBody, TBulkInviteResult } from "@ascent/contract";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BulkInviteDialog } from "./bulk-invite-dialog.tsx";

const EXPIRES = "2026-06-08T09:00:00.000Z";
const person = (n: number) => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  name: `Person ${n}`,
  email: `p${n}@x.test`,
});

/** The server as the dialog sees it: a transport, people not invited yet, and people with a live link. */
let transport: "smtp" | "outbox";
const sent: TBulkInviteBody[] = [];

function answer(body: TBulkInviteBody): TBulkInviteResult {
  const fresh = [person(1), person(2)];
  const live = [person(3)];
  const invited = (body.resend ? [...fresh, ...live] : fresh).map((p) => ({ ...p, expiresAt: EXPIRES }));
  return {
    dryRun: body.dryRun ?? false,
    transport,
    invited,
    skippedCounts: { signed_up: 4, already_invited: body.resend ? 0 : 1, inactive: 0 },
    skipped: [],
    linksCsv: transport === "outbox" && !body.dryRun ? "name,email,link,expires\r\n" : null,
  };
}

beforeEach(() => {
  sent.length = 0;
  vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as TBulkInviteBody;
    if (url !== "/api/invitations") return new Response("{}", { status: 404 });
    sent.push(body);
    return new Response(JSON.stringify(answer(body)), { headers: { "content-type": "application/json" } });
  });
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderDialog() {
  render(
    <MemoryRouter>
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <BulkInviteDialog selection={{ filter: { team: "Core" } }} title="Invite everyone" onClose={() => {}} />
      </QueryClientProvider>
    </MemoryRouter>,
  );
  return screen.getByRole("dialog", { name: "Invite everyone" });
}

describe("the bulk invitation dialog", () => {
  it("says that mail goes over SMTP, counts who is left out, and sends the filter once confirmed", async () => {
    transport = "smtp";
    const user = userEvent.setup();
    const dialog = renderDialog();
    await within(dialog).findByText("2 people will get an invitation link, one mail each.");
    expect(dialog.textContent).toContain("Mail goes out over SMTP.");
    expect(dialog.textContent).toContain("4 people already signed up; 1 person invited with a link that still works");
    expect(sent).toEqual([{ filter: { team: "Core" }, resend: false, dryRun: true }]);

    await user.click(within(dialog).getByRole("button", { name: "Invite 2 people" }));
    await within(dialog).findByText(/2 people invited/);
    expect(sent.filter((body) => !body.dryRun)).toEqual([{ filter: { team: "Core" }, resend: false, dryRun: false }]);
    expect(dialog.textContent).toContain("The mails are on their way.");
    // Over SMTP the links are never handed to the admin.
    expect(within(dialog).queryByRole("button", { name: "Download the links (CSV)" })).toBeNull();
  });

  it("counts the people whose link still works once asked to send them new ones, and offers the CSV without SMTP", async () => {
    transport = "outbox";
    const user = userEvent.setup();
    const dialog = renderDialog();
    await within(dialog).findByText("2 people will get an invitation link, one mail each.");
    expect(dialog.textContent).toContain("the mails go to the outbox");
    await user.click(within(dialog).getByRole("checkbox", { name: /Also send new links/ }));
    await within(dialog).findByText("3 people will get an invitation link, one mail each.");
    await user.click(within(dialog).getByRole("button", { name: "Invite 3 people" }));
    await within(dialog).findByRole("button", { name: "Download the links (CSV)" });
    expect(sent.filter((body) => !body.dryRun)).toEqual([{ filter: { team: "Core" }, resend: true, dryRun: false }]);
  });
});
