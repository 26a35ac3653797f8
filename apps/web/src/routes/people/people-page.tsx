import { PlaceholderPage } from "../../ui/placeholder-page.tsx";

export function PeoplePage() {
  return (
    <PlaceholderPage
      title="People"
      lead={
        <p>
          People is where managers and admins will see the product organisation: who sits at which level, who reports to
          whom, and how ready each person is for their next step. Managers will see their own reporting chain;
          individual peer feedback is never shown, only aggregates over enough raters.
        </p>
      }
      plans={[
        "Import people from your HR system and place each title on the ladder.",
        "Assess your direct reports against the framework, with evidence.",
        "See your team’s competency heatmap and everyone’s readiness for the next level.",
        "Build a promotion case that explains the decision number by number.",
      ]}
    />
  );
}
