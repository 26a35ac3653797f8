import { endpoints, type TBulkInviteBody, type TInvitationStatus } from "@ascent/contract";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiClient } from "./client.ts";

/** Whom a bulk invitation is for: named people, or the people list's filter (active people only). */
export type InviteSelection = Pick<TBulkInviteBody, "personIds" | "filter">;

export const invitationKeys = {
  all: ["invitations"] as const,
  statuses: (ids: readonly string[]) => ["invitations", "status", ids] as const,
  preview: (selection: InviteSelection, resend: boolean) => ["invitations", "preview", selection, resend] as const,
};

/** Each person's invitation state, by id; nothing is asked for an empty page. */
export function useInvitationStatuses(ids: readonly string[], isEnabled: boolean) {
  return useQuery({
    queryKey: invitationKeys.statuses(ids),
    queryFn: async () => {
      const { statuses } = await apiClient.call(endpoints.invitations.statuses, { body: { personIds: [...ids] } });
      return new Map<string, TInvitationStatus>(statuses.map((status) => [status.personId, status]));
    },
    enabled: isEnabled && ids.length > 0,
  });
}

/** Who an invitation would reach, and how mail leaves: a dry run, which creates and sends nothing. */
export function useInvitePreview(selection: InviteSelection | null, resend: boolean) {
  return useQuery({
    queryKey: invitationKeys.preview(selection ?? {}, resend),
    queryFn: () =>
      apiClient.call(endpoints.invitations.invite, { body: { ...(selection ?? {}), resend, dryRun: true } }),
    enabled: selection !== null,
  });
}

export function useInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InviteSelection & { resend: boolean }) =>
      apiClient.call(endpoints.invitations.invite, { body: { ...body, dryRun: false } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationKeys.all }),
  });
}

/** Saves text the server made (the links CSV) as a file, without sending it anywhere else. */
export function saveTextFile(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
