import type { ReactNode } from "react";

/** Says why a list is empty and what to do about it. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-note">
      <p className="empty-note__title">{title}</p>
      {children}
    </div>
  );
}
