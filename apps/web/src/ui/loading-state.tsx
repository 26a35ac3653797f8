export function LoadingState({ label }: { label: string }) {
  return (
    <div role="status" className="loading-state">
      <span className="loading-state__spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}
