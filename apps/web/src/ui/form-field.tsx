import { useId, type ReactNode } from "react";
import "./controls.css";

/** What a control needs to be tied to its label, hint and error. */
export interface ControlProps {
  id: string;
  "aria-describedby": string | undefined;
  "aria-invalid": true | undefined;
}

export interface FormFieldProps {
  label: ReactNode;
  hint?: ReactNode;
  /** Shown under the control, announced, and linked to it with aria-describedby. */
  error?: string | undefined;
  isOptional?: boolean;
  children: (control: ControlProps) => ReactNode;
}

export function FormField({ label, hint, error, isOptional = false, children }: FormFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="form-field">
      <label htmlFor={id} className="form-field__label">
        {label}
        {isOptional && <span className="form-field__optional"> (optional)</span>}
      </label>
      {hint && (
        <p id={hintId} className="form-field__hint">
          {hint}
        </p>
      )}
      {children({ id, "aria-describedby": describedBy, "aria-invalid": error ? true : undefined })}
      {error && (
        <p id={errorId} role="alert" className="form-field__error">
          {error}
        </p>
      )}
    </div>
  );
}
