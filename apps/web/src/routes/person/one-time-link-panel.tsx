import { useEffect, useId, useRef, useState } from "react";
import { useCreateOneTimeLink } from "../../api/people-queries.ts";
import { describeError } from "../../ui/describe-error.ts";

const PURPOSE_LABELS = { invite: "Invite link", reset: "Password reset link" } as const;

/**
 * Ascent sends no mail: an admin creates a one-time link here and passes it on. The server keeps
 * only a hash, so the link is shown this once.
 */
export function OneTimeLinkPanel({ personId, personName }: { personId: string; personName: string }) {
  const id = useId();
  const create = useCreateOneTimeLink(personId);
  const [copyState, setCopyState] = useState<"idle" | "copied" | "failed">("idle");
  const fieldRef = useRef<HTMLInputElement>(null);
  const link = create.data;
  const url = link ? `${window.location.origin}${link.path}` : "";

  useEffect(() => {
    if (!link) return;
    setCopyState("idle");
    fieldRef.current?.focus();
    fieldRef.current?.select();
  }, [link]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopyState("copied");
    } catch {
      // Clipboard access can be refused (no permission, not https): leave it selected to copy by hand.
      fieldRef.current?.select();
      setCopyState("failed");
    }
  }

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="card__title">
        Sign-in link
      </h2>
      <p className="muted">
        Ascent does not send email. Create a link and pass it to {personName} yourself; they use it once to choose a
        password. A reset link also works for someone who forgot theirs.
      </p>
      <div className="actions">
        <button
          type="button"
          className="button button--secondary"
          disabled={create.isPending}
          onClick={() => create.mutate("invite")}
        >
          Create invite link
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={create.isPending}
          onClick={() => create.mutate("reset")}
        >
          Create password reset link
        </button>
      </div>
      {create.isPending && (
        <p role="status" className="muted link-panel__status">
          Creating the link…
        </p>
      )}
      {create.isError && (
        <p role="alert" className="form-error link-panel__status">
          {describeError(create.error)}
        </p>
      )}
      {link && (
        <div className="link-panel">
          <label htmlFor={`${id}-link`} className="form-field__label">
            {PURPOSE_LABELS[link.purpose === "reset" ? "reset" : "invite"]} for {personName}
          </label>
          <div className="link-panel__row">
            <input
              ref={fieldRef}
              id={`${id}-link`}
              className="input link-panel__url"
              readOnly
              value={url}
              aria-describedby={`${id}-link-note`}
            />
            <button type="button" className="button" onClick={() => void copy()}>
              Copy link
            </button>
          </div>
          <p id={`${id}-link-note`} className="form-field__hint">
            Shown only now, and it works once within {link.expiresInDays} days. If it gets lost, create a new one.
          </p>
          <p role="status" className="link-panel__copied">
            {copyState === "copied"
              ? "Copied to the clipboard."
              : copyState === "failed"
                ? "Copying was not allowed here; the link is selected, so press Ctrl+C (⌘C on a Mac)."
                : ""}
          </p>
        </div>
      )}
    </section>
  );
}
