import { Link } from "react-router";

/** What a signed-in non-admin sees on an admin page: why, and where to go instead. */
export function AdminOnly({ what }: { what: string }) {
  return (
    <section className="empty-state" aria-labelledby="admin-only-heading">
      <h2 id="admin-only-heading" className="empty-state__title">
        For admins only
      </h2>
      <p>
        {what} is for the admins of your organisation (a product leader or a people-ops partner). If something here
        needs changing, ask one of them.
      </p>
      <p>
        <Link to="/people">Go to People</Link>
      </p>
    </section>
  );
}
