import type { MouseEvent } from "react";

export const MAIN_ID = "main";

export function SkipLink() {
  // Handled here rather than by the browser so the URL does not gain "#main" and the router sees no navigation.
  function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
    const main = document.getElementById(MAIN_ID);
    if (!main) return;
    event.preventDefault();
    main.focus();
    main.scrollIntoView();
  }
  return (
    <a className="skip-link" href={`#${MAIN_ID}`} onClick={skipToMain}>
      Skip to main content
    </a>
  );
}
