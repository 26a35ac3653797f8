import { NavLink } from "react-router";

export const PRIMARY_NAV_ITEMS = [
  { to: "/frameworks", label: "Frameworks" },
  { to: "/ladder", label: "Ladder" },
  { to: "/people", label: "People" },
  { to: "/org", label: "Org chart" },
  { to: "/growth", label: "My growth" },
  { to: "/career", label: "Career" },
  { to: "/team", label: "My team" },
  { to: "/about", label: "About this ladder" },
] as const;

export function PrimaryNav() {
  return (
    <nav aria-label="Primary" className="primary-nav">
      <ul className="primary-nav__list">
        {PRIMARY_NAV_ITEMS.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} className="primary-nav__link">
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
