import { LIMITS } from "@ascent/contract";
import { useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { useDescribeLink, useRedeemLink } from "../../api/session.ts";
import { describeError } from "../../ui/describe-error.ts";
import { fieldErrorsOf } from "../../ui/field-errors.ts";
import { LoadingState } from "../../ui/loading-state.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { TextField } from "../../ui/text-field.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import "../login/auth.css";

type Purpose = "invite" | "reset" | "first-admin";

const COPY: Record<Purpose, { title: string; lead: (name: string) => string; action: string }> = {
  "first-admin": {
    title: "Welcome to Ascent",
    lead: () =>
      "You are the first administrator of this server. Choose a password to finish setting up; after that you can import your ladder and your people.",
    action: "Set password and sign in",
  },
  invite: {
    title: "Welcome to Ascent",
    lead: (name) => `${name}, you have been invited to Ascent. Choose a password to sign in.`,
    action: "Set password and sign in",
  },
  reset: {
    title: "Choose a new password",
    lead: (name) => `${name}, choose a new password. Your other sessions will be signed out.`,
    action: "Save password and sign in",
  },
};

interface FieldErrors {
  password?: string;
  confirm?: string;
}

/** Redeems a one-time link (first admin, invite or password reset): choose a password, then signed in. */
export function WelcomePage() {
  const token = useParams().token ?? "";
  const link = useDescribeLink(token);
  const redeem = useRedeemLink(token);
  const navigate = useNavigate();
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  useDocumentTitle(link.data ? COPY[link.data.purpose].title : "One-time link");

  if (link.isPending) return <LoadingState label="Checking your link…" />;
  if (link.isError) {
    return (
      <div className="auth-layout">
        <div className="card auth-card">
          <PageHeading lead={<p>One-time links work once and expire after a few days.</p>}>
            This link cannot be used
          </PageHeading>
          <div role="alert" className="callout callout--error">
            <p>{describeError(link.error)}</p>
          </div>
          <p className="actions">
            <Link to="/login" className="button button--secondary">
              Go to sign in
            </Link>
          </p>
        </div>
      </div>
    );
  }

  const copy = COPY[link.data.purpose];
  const serverErrors = fieldErrorsOf(redeem.error);
  const passwordError = errors.password ?? serverErrors.password;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (password.length < LIMITS.passwordMin) {
      found.password = `Use at least ${LIMITS.passwordMin} characters.`;
    }
    if (confirm !== password) found.confirm = "The two passwords differ; type the same password twice.";
    setErrors(found);
    if (found.password || found.confirm) {
      const inputs = event.currentTarget.querySelectorAll<HTMLInputElement>("input[type=password]");
      inputs[found.password ? 0 : 1]?.focus();
      return;
    }
    try {
      await redeem.mutateAsync(password);
      await navigate("/", { replace: true });
    } catch {
      // Shown below.
    }
  }

  return (
    <div className="auth-layout">
      <div className="card auth-card">
        <PageHeading lead={<p>{copy.lead(link.data.name)}</p>}>{copy.title}</PageHeading>
        <dl className="auth-card__identity">
          <dt>You will sign in as</dt>
          <dd>
            {link.data.name} <span className="muted">({link.data.email})</span>
          </dd>
        </dl>
        {redeem.isError && (
          <div role="alert" className="callout callout--error">
            <p>{describeError(redeem.error)}</p>
          </div>
        )}
        <form className="form-stack" noValidate onSubmit={(event) => void handleSubmit(event)}>
          <input type="email" name="username" autoComplete="username" value={link.data.email} readOnly hidden />
          <TextField
            label="New password"
            type="password"
            autoComplete="new-password"
            hint={`At least ${LIMITS.passwordMin} characters. A short sentence is easy to remember and hard to guess.`}
            value={password}
            onChange={setPassword}
            error={passwordError}
          />
          <TextField
            label="Type it again"
            type="password"
            autoComplete="new-password"
            value={confirm}
            onChange={setConfirm}
            error={errors.confirm}
          />
          <button type="submit" className="button button--block" disabled={redeem.isPending}>
            {redeem.isPending ? "Signing in…" : copy.action}
          </button>
        </form>
      </div>
    </div>
  );
}
