import { ApiError } from "@ascent/contract";

function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return "The server could not be reached. Check your connection and try again.";
  if (error instanceof Error) return error.message;
  return "Something went wrong.";
}

export interface ErrorStateProps {
  title: string;
  error: unknown;
  onRetry?: () => void;
  isRetrying?: boolean;
}

export function ErrorState({ title, error, onRetry, isRetrying = false }: ErrorStateProps) {
  return (
    <div role="alert" className="callout callout--error">
      <h2 className="callout__title">{title}</h2>
      <p>{describeError(error)}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry} disabled={isRetrying}>
          {isRetrying ? "Retrying…" : "Retry"}
        </button>
      )}
    </div>
  );
}
