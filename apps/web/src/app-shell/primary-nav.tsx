import { NavLink } from "react-router";
import { VisuallyHidden } from "../ui/visually-hidden.tsx";

interface PrimaryNavItem {
  to: string;
  label: string;
  /** Read out after the label but not shown, so the header fits on one line at laptop widths. */
  hiddenLabelEnd?: string;
}

export const PRIMARY_NAV_ITEMS: readonly PrimaryNavItem[] = [
  { to: "/frameworks", label: "Frameworks" },
  { to: "/ladder", label: "Ladder" },
  { to: "/people", label: "People" },
  { to: "/org", label: "Org chart" },
  { to: "/growth", label: "My growth" },
  { to: "/career", label: "Career" },
  { to: "/team", label: "My team" },
  { to: "/about", label: "About", hiddenLabelEnd: "this ladder" },
];

export function PrimaryNav() {
  return (
    <nav aria-label="Primary" className="primary-nav">
      <ul className="primary-nav__list">
        {PRIMARY_NAV_ITEMS.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} className="primary-nav__link">
              {item.label}
              {item.hiddenLabelEnd && <VisuallyHidden> {item.hiddenLabelEnd}</VisuallyHidden>}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
