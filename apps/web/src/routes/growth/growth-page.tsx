import { PlaceholderPage } from "../../ui/placeholder-page.tsx";

export function GrowthPage() {
  return (
    <PlaceholderPage
      title="My growth"
      lead={
        <p>
          My growth will be your own space for progressing along the ladder: where you stand today, what separates you
          from the level you are aiming for, and what you plan to do about it. Your plan and evidence stay yours unless
          you choose to share them with your manager.
        </p>
      }
      plans={[
        "Rate yourself against each competency and back every rating with evidence.",
        "See your readiness for the next level, or any other level, and the gaps that block it.",
        "Keep a long-term career plan and development goals with regular check-ins.",
        "Log achievements as they happen and prepare your 1:1s from them.",
      ]}
    />
  );
}
