export function FrameworksEmptyState() {
  return (
    <section className="empty-state" aria-labelledby="empty-frameworks-heading">
      <h2 id="empty-frameworks-heading" className="empty-state__title">
        No frameworks yet
      </h2>
      <p>
        Everything in Ascent — self-assessments, readiness for the next level, development goals, promotion cases — is
        measured against a framework, so the first step is to add one.
      </p>
      <ol className="steps">
        <li>
          <strong>Bring your own ladder.</strong> Import it from a spreadsheet or a YAML file with{" "}
          <code>npx ascent framework import &lt;file&gt;</code>.
        </li>
        <li>
          <strong>Or start from the built-in one.</strong> Restart the server to load the Product Management ladder:
          eight levels from Product Manager to Chief Product Officer (with Principal PM beside Director), assessed on
          fifteen competencies.
        </li>
      </ol>
      <p className="muted">
        Frameworks you add here appear in this list, and you can adapt and re-publish them as your organisation changes.
      </p>
    </section>
  );
}
