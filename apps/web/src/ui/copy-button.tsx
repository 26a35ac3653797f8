import { useState } from "react";

/** Copies a value to the clipboard and says so in a live region; falls back to selecting it. */
export function CopyButton({ value, label = "Copy", targetId }: { value: string; label?: string; targetId?: string }) {
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setStatus("copied");
    } catch {
      const target = targetId ? document.getElementById(targetId) : null;
      if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) target.select();
      setStatus("failed");
    }
  }
  return (
    <>
      <button type="button" className="button button--secondary" onClick={() => void copy()}>
        {label}
      </button>
      <span role="status" className="copy-status">
        {status === "copied" && "Copied to the clipboard."}
        {status === "failed" && "Copying is blocked here; the text is selected, press Ctrl+C or ⌘C."}
      </span>
    </>
  );
}
