import { PlaceholderPage } from "../../ui/placeholder-page.tsx";

export function LadderPage() {
  return (
    <PlaceholderPage
      title="Ladder"
      lead={
        <p>
          The ladder shows what each level of your framework demands, competency by competency, so that people can look
          past job titles to the responsibilities and skills behind them. It will make the step from one level to the
          next concrete: what changes in scope, and which expectations rise.
        </p>
      }
      plans={[
        "Read every level’s scope, summary and expected rating for each competency.",
        "Compare two levels side by side, for example what changes from Product Manager to Director.",
        "Map your company’s own job titles onto the ladder’s levels.",
        "See the collaboration playbook for each pair of adjacent roles.",
      ]}
    />
  );
}
