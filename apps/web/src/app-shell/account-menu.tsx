import { useEffect, useId, useRef, useState } from "react";
import type { TSessionInfo } from "@ascent/contract";
import { Link, useLocation } from "react-router";
import { useSignOut } from "../api/session.ts";
import "./account-menu.css";
import { useFinishSignOut } from "./use-finish-sign-out.ts";

function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return ((words[0]?.[0] ?? "") + (words.length > 1 ? (words.at(-1)?.[0] ?? "") : "")).toUpperCase() || "?";
}

/**
 * The signed-in person's name, opening a small disclosure menu (Account, Sign out). A disclosure
 * rather than an ARIA menu: Tab moves through it, Esc closes it and returns to the button.
 */
export function AccountMenu({ session }: { session: TSessionInfo }) {
  const [isOpen, setIsOpen] = useState(false);
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const { pathname } = useLocation();
  const finishSignOut = useFinishSignOut();
  const signOut = useSignOut();

  // Close on navigation (e.g. after choosing Account).
  useEffect(() => setIsOpen(false), [pathname]);

  useEffect(() => {
    if (!isOpen) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!containerRef.current?.contains(event.target as Node)) setIsOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [isOpen]);

  async function handleSignOut() {
    // Even if the server could not be told, this browser stops showing the signed-in app.
    await signOut.mutateAsync().catch(() => undefined);
    await finishSignOut();
  }

  return (
    <div
      className="account-menu"
      ref={containerRef}
      onKeyDown={(event) => {
        if (event.key === "Escape" && isOpen) {
          setIsOpen(false);
          buttonRef.current?.focus();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="account-menu__button"
        aria-expanded={isOpen}
        aria-controls={menuId}
        onClick={() => setIsOpen((open) => !open)}
      >
        <span className="avatar" aria-hidden="true">
          {initialsOf(session.person.name)}
        </span>
        <span className="account-menu__name">{session.person.name}</span>
        <span className="account-menu__chevron" aria-hidden="true" />
      </button>
      <div id={menuId} className="account-menu__panel" hidden={!isOpen}>
        <p className="account-menu__who">
          Signed in as <strong>{session.person.email}</strong>
          {session.isAdmin && <span className="account-menu__role">with administrator rights</span>}
        </p>
        <ul className="account-menu__list">
          <li>
            <Link to="/account" className="account-menu__item">
              Account
            </Link>
          </li>
          {session.isAdmin && (
            <li>
              <Link to="/setup" className="account-menu__item">
                Setup and administration
              </Link>
            </li>
          )}
          <li>
            <Link to="/promotions" className="account-menu__item">
              Promotion cases
            </Link>
          </li>
          <li>
            <Link to="/tasks" className="account-menu__item">
              My tasks
            </Link>
          </li>
          <li>
            <Link to="/calibration" className="account-menu__item">
              Calibration
            </Link>
          </li>
          {session.isAdmin && (
            <li>
              <Link to="/cycles" className="account-menu__item">
                Review cycles
              </Link>
            </li>
          )}
          <li>
            <button
              type="button"
              className="account-menu__item"
              onClick={() => void handleSignOut()}
              disabled={signOut.isPending}
            >
              {signOut.isPending ? "Signing out…" : "Sign out"}
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
}
