import { LIMITS } from "@ascent/contract";
import { useState, type FormEvent } from "react";
import { useChangePassword } from "../../api/account.ts";
import { describeError } from "../../ui/describe-error.ts";
import { fieldErrorsOf } from "../../ui/field-errors.ts";
import { TextField } from "../../ui/text-field.tsx";

interface FieldErrors {
  currentPassword?: string;
  newPassword?: string;
}

export function PasswordSection() {
  const changePassword = useChangePassword();
  const [currentPassword, setCurrentPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  // The API names the new password `password` when it checks its length.
  const serverErrors = fieldErrorsOf(changePassword.error, { password: "newPassword" });

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!currentPassword) found.currentPassword = "Enter your current password.";
    if (newPassword.length < LIMITS.passwordMin) found.newPassword = `Use at least ${LIMITS.passwordMin} characters.`;
    else if (newPassword === currentPassword) found.newPassword = "Choose a password different from the current one.";
    setErrors(found);
    if (found.currentPassword || found.newPassword) {
      const inputs = event.currentTarget.querySelectorAll<HTMLInputElement>("input[type=password]");
      inputs[found.currentPassword ? 0 : 1]?.focus();
      return;
    }
    try {
      await changePassword.mutateAsync({ currentPassword, newPassword });
      setCurrentPassword("");
      setNewPassword("");
    } catch {
      // Shown next to the field or in the alert.
    }
  }

  return (
    <section className="section" aria-labelledby="password-heading">
      <h2 id="password-heading">Password</h2>
      <p className="section__lead">Changing your password signs you out everywhere else.</p>
      <div className="card">
        <form className="form-stack form--narrow" noValidate onSubmit={(event) => void handleSubmit(event)}>
          {changePassword.isError && (
            <div role="alert" className="callout callout--error">
              <p>{describeError(changePassword.error)}</p>
            </div>
          )}
          {changePassword.isSuccess && (
            <p role="status" className="callout callout--success">
              Password changed. Your other sessions were signed out.
            </p>
          )}
          <TextField
            label="Current password"
            type="password"
            autoComplete="current-password"
            value={currentPassword}
            onChange={setCurrentPassword}
            error={errors.currentPassword ?? serverErrors.currentPassword}
          />
          <TextField
            label="New password"
            type="password"
            autoComplete="new-password"
            hint={`At least ${LIMITS.passwordMin} characters.`}
            value={newPassword}
            onChange={setNewPassword}
            error={errors.newPassword ?? serverErrors.newPassword}
          />
          <div>
            <button type="submit" className="button" disabled={changePassword.isPending}>
              {changePassword.isPending ? "Changing…" : "Change password"}
            </button>
          </div>
        </form>
      </div>
    </section>
  );
}
