import { Link } from "react-router";
import { PlaceholderPage } from "../../ui/placeholder-page.tsx";

export function AboutPage() {
  return (
    <PlaceholderPage
      title="About this ladder"
      lead={
        <p>
          Ascent ships with a built-in Product Management ladder: seven levels from Product Manager to Chief Product
          Officer, each defined by the scope it owns, and fifteen competencies rated on a 1–5 scale. This page will
          explain where that content comes from, which parts the project wrote itself, and how to adapt it.
        </p>
      }
      plans={[
        "See the published sources the ladder draws on, with what each one contributed.",
        "Find out which level descriptors were interpolated by the project rather than taken from a source.",
        "Understand how the expected ratings and weights were calibrated, and how to change them.",
      ]}
    >
      <section className="card">
        <h2 className="card__title">Where to look in the meantime</h2>
        <p>
          The <Link to="/frameworks/product-management">Product Management framework</Link> page already lists its
          levels, competencies and sources. The full notes are in <code>docs/about-this-ladder.md</code> in the
          repository.
        </p>
      </section>
    </PlaceholderPage>
  );
}
