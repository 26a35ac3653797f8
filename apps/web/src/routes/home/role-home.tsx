import { Navigate } from "react-router";
import { useReports, useViewer } from "../../api/people-queries.ts";
import { LoadingState } from "../../ui/loading-state.tsx";

/** Each role lands where its work is: admins on the setup checklist, managers on their team, everyone else on their growth. */
export function RoleHome() {
  const viewer = useViewer();
  if (viewer.isAdmin) return <Navigate to="/setup" replace />;
  return <StaffHome personId={viewer.personId} />;
}

function StaffHome({ personId }: { personId: string }) {
  const reports = useReports(personId, "direct");
  if (reports.isPending) return <LoadingState label="Opening your home page…" />;
  const isManager = (reports.data?.reports.length ?? 0) > 0;
  return <Navigate to={isManager ? "/team" : "/growth"} replace />;
}
