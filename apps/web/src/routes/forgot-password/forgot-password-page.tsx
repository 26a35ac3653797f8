import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { useRequestPasswordReset } from "../../api/notification-queries.ts";
import { describeError } from "../../ui/describe-error.ts";
import { PageHeading } from "../../ui/page-heading.tsx";
import { TextField } from "../../ui/text-field.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import "../login/auth.css";

/** "Forgot password?": asks for a reset link by mail. The answer is the same for any address. */
export function ForgotPasswordPage() {
  useDocumentTitle("Reset your password");
  const request = useRequestPasswordReset();
  const [email, setEmail] = useState("");
  const [error, setError] = useState<string | undefined>();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!email.includes("@")) {
      setError("Enter an email address like name@example.com.");
      event.currentTarget.querySelector<HTMLInputElement>("input[type=email]")?.focus();
      return;
    }
    setError(undefined);
    await request.mutateAsync(email.trim()).catch(() => undefined);
  }

  return (
    <div className="auth-layout">
      <div className="card auth-card">
        <PageHeading
          lead={<p>Enter the email address you sign in with. We will mail you a link to choose a new one.</p>}
        >
          Reset your password
        </PageHeading>
        {request.isSuccess && (
          <p role="status" className="callout callout--success">
            {request.data.message} Check your inbox; the link works once, for an hour.
          </p>
        )}
        {request.isError && (
          <div role="alert" className="callout callout--error">
            <p className="callout__title">The request was not sent</p>
            <p>{describeError(request.error)}</p>
          </div>
        )}
        <form className="form-stack" noValidate onSubmit={(event) => void handleSubmit(event)}>
          <TextField
            label="Email"
            type="email"
            name="email"
            autoComplete="username"
            value={email}
            onChange={setEmail}
            error={error}
          />
          <button type="submit" className="button button--block" disabled={request.isPending}>
            {request.isPending ? "Sending…" : "Send reset link"}
          </button>
        </form>
        <p className="muted auth-card__note">
          <Link to="/login">Back to sign in</Link>
        </p>
      </div>
    </div>
  );
}
