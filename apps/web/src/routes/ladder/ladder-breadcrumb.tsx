import { Link } from "react-router";

export function LadderBreadcrumb({ current }: { current: string }) {
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <ol>
        <li>
          <Link to="/ladder">Ladder</Link>
        </li>
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}
