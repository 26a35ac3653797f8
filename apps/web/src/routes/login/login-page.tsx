import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from "react-router";
import { forgetSession, safeReturnPath, useSession, useSignIn } from "../../api/session.ts";
import { describeError } from "../../ui/describe-error.ts";
import { PageHeading } from "../../ui/page-heading.tsx";
import { TextField } from "../../ui/text-field.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import { DemoLogins } from "./demo-logins.tsx";
import "./auth.css";

interface FieldErrors {
  email?: string;
  password?: string;
}

function checkFields(email: string, password: string): FieldErrors {
  const errors: FieldErrors = {};
  if (!email.trim()) errors.email = "Enter your email address.";
  else if (!email.includes("@")) errors.email = "Enter an email address like name@example.com.";
  if (!password) errors.password = "Enter your password.";
  return errors;
}

export function LoginPage() {
  useDocumentTitle("Sign in");
  const session = useSession();
  const [searchParams] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const signIn = useSignIn();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const submitRef = useRef<HTMLButtonElement>(null);
  const next = safeReturnPath(searchParams.get("next"));
  const hasSignedOut = (location.state as { signedOut?: boolean } | null)?.signedOut === true;
  const queryClient = useQueryClient();
  const isStillSignedIn = session.data !== null && session.data !== undefined;

  // Arriving from "Sign out": the server has ended the session; now this browser forgets it.
  useEffect(() => {
    if (hasSignedOut && isStillSignedIn && !signIn.isSuccess) forgetSession(queryClient);
  }, [hasSignedOut, isStillSignedIn, signIn.isSuccess, queryClient]);

  // Already signed in (e.g. the back button): carry on to where they were going. Right after
  // signing out the session is forgotten by the effect above, so stay.
  if (session.data && !signIn.isSuccess && !hasSignedOut) return <Navigate to={next} replace />;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors = checkFields(email, password);
    setFieldErrors(errors);
    if (errors.email || errors.password) {
      const firstInvalid = event.currentTarget.querySelector<HTMLInputElement>(
        errors.email ? "input[type=email]" : "input[type=password]",
      );
      firstInvalid?.focus();
      return;
    }
    try {
      await signIn.mutateAsync({ email: email.trim(), password });
      await navigate(next, { replace: true });
    } catch {
      // The alert below shows why; the password is cleared so it can be typed again.
      setPassword("");
    }
  }

  return (
    <div className="auth-layout">
      <div className="card auth-card">
        <PageHeading lead={<p>Sign in to see your ladder, your progress and your team.</p>}>Sign in</PageHeading>
        {hasSignedOut && !signIn.isError && (
          <p role="status" className="callout callout--success">
            You have signed out.
          </p>
        )}
        {next !== "/" && !hasSignedOut && (
          <p className="muted auth-card__note">Sign in to continue to the page you asked for.</p>
        )}
        {signIn.isError && (
          <div role="alert" className="callout callout--error">
            <p className="callout__title">Sign-in failed</p>
            <p>{describeError(signIn.error)}</p>
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
            error={fieldErrors.email}
          />
          <TextField
            label="Password"
            type="password"
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            error={fieldErrors.password}
          />
          <button ref={submitRef} type="submit" className="button button--block" disabled={signIn.isPending}>
            {signIn.isPending ? "Signing in…" : "Sign in"}
          </button>
        </form>
        <p className="auth-card__note">
          <Link to="/forgot-password">Forgot password?</Link>
        </p>
        <p className="muted auth-card__note">
          New here? Ask an administrator for a one-time link; it lets you choose a password.
        </p>
      </div>
      <DemoLogins
        onUse={(login) => {
          setEmail(login.email);
          setPassword(login.password);
          setFieldErrors({});
          submitRef.current?.focus();
        }}
      />
    </div>
  );
}
