import type { ReactNode } from "react";
import { FormField } from "./form-field.tsx";

interface CommonProps {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  /** Help shown under the label, e.g. a length rule. */
  hint?: ReactNode;
  /** Shown under the field, announced, and tied to it with aria-describedby. */
  error?: string | undefined;
  isOptional?: boolean;
  name?: string;
  disabled?: boolean;
  maxLength?: number;
}

interface InputProps extends CommonProps {
  multiline?: false;
  type?: "text" | "email" | "password" | "search";
  autoComplete?: string;
}

interface TextAreaProps extends CommonProps {
  multiline: true;
  rows?: number;
}

/** A FormField holding a text input or a textarea: the common case, in one line at the call site. */
export function TextField(props: InputProps | TextAreaProps) {
  return (
    <FormField label={props.label} hint={props.hint} error={props.error} isOptional={props.isOptional ?? false}>
      {(control) =>
        props.multiline ? (
          <textarea
            {...control}
            className="input"
            name={props.name}
            value={props.value}
            rows={props.rows ?? 3}
            maxLength={props.maxLength}
            disabled={props.disabled}
            onChange={(event) => props.onChange(event.target.value)}
          />
        ) : (
          <input
            {...control}
            className="input"
            type={props.type ?? "text"}
            name={props.name}
            value={props.value}
            autoComplete={props.autoComplete}
            maxLength={props.maxLength}
            disabled={props.disabled}
            onChange={(event) => props.onChange(event.target.value)}
          />
        )
      }
    </FormField>
  );
}
