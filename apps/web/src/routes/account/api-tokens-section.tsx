import { LIMITS } from "@ascent/contract";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useCreateToken, useMyTokens, useRevokeToken } from "../../api/account.ts";
import { Badge } from "../../ui/badge.tsx";
import { CopyButton } from "../../ui/copy-button.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { describeError } from "../../ui/describe-error.ts";
import { ErrorState } from "../../ui/error-state.tsx";
import { fieldErrorsOf } from "../../ui/field-errors.ts";
import { FormattedDate } from "../../ui/formatted-date.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { TextField } from "../../ui/text-field.tsx";
import { VisuallyHidden } from "../../ui/visually-hidden.tsx";

interface NewToken {
  name: string;
  secret: string;
}

/** The secret of a token just created: shown this once, with a way to copy it. */
function NewTokenSecret({ token, onDone }: { token: NewToken; onDone: () => void }) {
  const inputId = useId();
  const headingId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  // Focus lands on the secret, selected, so it can be copied straight away.
  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);
  return (
    <section className="callout callout--success secret" aria-labelledby={headingId}>
      <h3 id={headingId} className="callout__title">
        Token “{token.name}” created
      </h3>
      <p>
        <strong>Copy it now: it will not be shown again.</strong> Anyone with this token can use Ascent with your
        rights, so keep it somewhere safe, such as a password manager or your CI’s secret store.
      </p>
      <label htmlFor={inputId} className="form-field__label">
        Token secret
      </label>
      <div className="secret__row">
        <input
          ref={inputRef}
          id={inputId}
          className="input input--mono"
          value={token.secret}
          readOnly
          spellCheck={false}
        />
        <CopyButton value={token.secret} label="Copy token" targetId={inputId} />
      </div>
      <p className="form-field__hint">
        Send it in the <code>Authorization</code> header of each API call: <code>Bearer &lt;token&gt;</code>.
      </p>
      <button type="button" className="button button--secondary" onClick={onDone}>
        I have copied it
      </button>
    </section>
  );
}

function RevokeButton({ id, name, onRevoke, isPending }: RevokeProps) {
  const [isConfirming, setIsConfirming] = useState(false);
  if (!isConfirming) {
    return (
      <button type="button" className="button button--secondary button--small" onClick={() => setIsConfirming(true)}>
        Revoke<VisuallyHidden> {name}</VisuallyHidden>
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={`Revoke ${name}?`}>
      <button
        type="button"
        className="button button--danger button--small"
        disabled={isPending}
        autoFocus
        onClick={() => onRevoke(id)}
      >
        Yes, revoke<VisuallyHidden> {name}</VisuallyHidden>
      </button>
      <button type="button" className="button button--secondary button--small" onClick={() => setIsConfirming(false)}>
        Keep<VisuallyHidden> {name}</VisuallyHidden>
      </button>
    </span>
  );
}

interface RevokeProps {
  id: string;
  name: string;
  onRevoke: (id: string) => void;
  isPending: boolean;
}

export function ApiTokensSection() {
  const tokens = useMyTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [name, setName] = useState("");
  const [nameError, setNameError] = useState<string | undefined>();
  const [created, setCreated] = useState<NewToken | null>(null);
  const serverErrors = fieldErrorsOf(create.error);

  async function handleCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setNameError("Name the token after what will use it, e.g. “Nightly HR sync”.");
      event.currentTarget.querySelector("input")?.focus();
      return;
    }
    setNameError(undefined);
    try {
      const result = await create.mutateAsync(trimmed);
      setCreated({ name: result.apiToken.name, secret: result.token });
      setName("");
    } catch {
      // Shown next to the field.
    }
  }

  const active = tokens.data?.tokens.filter((token) => !token.revokedAt) ?? [];
  const revoked = tokens.data?.tokens.filter((token) => token.revokedAt) ?? [];

  return (
    <section className="section" aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">API tokens</h2>
      <p className="section__lead">
        Tokens let scripts use the API as you, with your rights. Only a hash is stored, so a token’s secret is shown
        once, when you create it.
      </p>
      {created && <NewTokenSecret token={created} onDone={() => setCreated(null)} />}
      <div className="card">
        <form className="form--inline" noValidate onSubmit={(event) => void handleCreate(event)}>
          <TextField
            label="Token name"
            hint="What will use it, so you can tell your tokens apart."
            value={name}
            onChange={setName}
            maxLength={LIMITS.label}
            error={
              nameError ??
              serverErrors.name ??
              (create.isError && !serverErrors.name ? describeError(create.error) : undefined)
            }
          />
          <button type="submit" className="button" disabled={create.isPending}>
            {create.isPending ? "Creating…" : "Create token"}
          </button>
        </form>
      </div>
      {revoke.isError && (
        <div role="alert" className="callout callout--error">
          <p>{describeError(revoke.error)}</p>
        </div>
      )}
      {tokens.isPending ? (
        <LoadingState label="Loading your API tokens…" />
      ) : tokens.isError ? (
        <ErrorState
          title="Your API tokens could not be loaded"
          error={tokens.error}
          onRetry={() => void tokens.refetch()}
          isRetrying={tokens.isFetching}
        />
      ) : active.length === 0 && revoked.length === 0 ? (
        <EmptyState title="You have no API tokens yet.">
          <p>Create one above when a script needs to reach Ascent as you.</p>
        </EmptyState>
      ) : (
        <div className="table-card">
          <table className="data-table">
            <caption className="visually-hidden">Your API tokens ({active.length} active)</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <VisuallyHidden>Actions</VisuallyHidden>
                </th>
              </tr>
            </thead>
            <tbody>
              {[...active, ...revoked].map((token) => (
                <tr key={token.id}>
                  <th scope="row">
                    <span className="cell-title">{token.name}</span>
                  </th>
                  <td data-label="Created">
                    <FormattedDate iso={token.createdAt} />
                  </td>
                  <td data-label="Last used">
                    {token.lastUsedAt ? <FormattedDate iso={token.lastUsedAt} /> : <span className="muted">Never</span>}
                  </td>
                  <td data-label="Status">
                    {token.revokedAt ? (
                      <Badge tone="neutral">
                        Revoked <FormattedDate iso={token.revokedAt} />
                      </Badge>
                    ) : (
                      <Badge tone="success">Active</Badge>
                    )}
                  </td>
                  <td className="actions-cell">
                    {!token.revokedAt && (
                      <RevokeButton
                        id={token.id}
                        name={token.name}
                        onRevoke={(id) => revoke.mutate(id)}
                        isPending={revoke.isPending}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
