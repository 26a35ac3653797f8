import { endpoints, type TCalibrationSession } from "@ascent/contract";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiClient } from "./client.ts";

// Calibration sessions: the list, one session with its distribution, 9-box and adjustments, and the
// manager's view of every adjustment to their reports.

export type CalibrationMeasure = "performance" | "potential";
export type NineBoxTarget = { performance: "low" | "medium" | "high"; potential: "low" | "medium" | "high" };

const calibrationKeys = {
  all: ["calibration"] as const,
  sessions: () => [...calibrationKeys.all, "sessions"] as const,
  session: (id: string) => [...calibrationKeys.all, "session", id] as const,
  mine: () => [...calibrationKeys.all, "my-reports"] as const,
};

const createSession = (body: {
  cycleId: string;
  name: string;
  scope: TCalibrationSession["scope"];
  facilitatorId: string;
  participantIds?: string[];
  guideline?: TCalibrationSession["guideline"];
}) => apiClient.call(endpoints.calibration.createSession, { body });

export function useCalibrationSessions() {
  return useQuery({
    queryKey: calibrationKeys.sessions(),
    queryFn: () => apiClient.call(endpoints.calibration.listSessions),
  });
}

export function useCreateCalibrationSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSession,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calibrationKeys.sessions() }),
  });
}

export function useCalibrationSession(id: string) {
  return useQuery({
    queryKey: calibrationKeys.session(id),
    queryFn: () => apiClient.call(endpoints.calibration.loadSession, { params: { id } }),
  });
}

export function useCalibrationDistribution(id: string, measure: CalibrationMeasure) {
  return useQuery({
    queryKey: [...calibrationKeys.session(id), "distribution", measure],
    queryFn: () => apiClient.call(endpoints.calibration.distribution, { params: { id }, query: { measure } }),
  });
}

export function useCalibrationAdjustments(id: string) {
  return useQuery({
    queryKey: [...calibrationKeys.session(id), "adjustments"],
    queryFn: () => apiClient.call(endpoints.calibration.listAdjustments, { params: { id } }),
  });
}

/**
 * Every change re-reads the whole session: people, distribution, adjustments. `onDone` runs after that,
 * even when the control that asked has gone (closing removes the close button).
 */
function useSessionMutation<Input, Output>(run: (input: Input) => Promise<Output>, onDone?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: calibrationKeys.all });
      onDone?.();
    },
  });
}

export function useAdjustRating(id: string) {
  return useSessionMutation((body: { subjectId: string; competencyId: string; to: number; reason: string }) =>
    apiClient.call(endpoints.calibration.adjustRating, { params: { id }, body }),
  );
}

export function useMoveInNineBox(id: string) {
  return useSessionMutation((body: { subjectId: string; to: NineBoxTarget; reason: string }) =>
    apiClient.call(endpoints.calibration.moveInNineBox, { params: { id }, body }),
  );
}

export function useCloseCalibrationSession(id: string, onClosed: () => void) {
  return useSessionMutation(() => apiClient.call(endpoints.calibration.closeSession, { params: { id } }), onClosed);
}

export function useMyReportsAdjustments() {
  return useQuery({
    queryKey: calibrationKeys.mine(),
    queryFn: () => apiClient.call(endpoints.calibration.myReportsAdjustments),
  });
}
