import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { markSignedOut, SESSION_KEY } from "../api/session.ts";

/**
 * After the server ended the session: go to the sign-in page first (so the route guard does not
 * add a "come back to" link), then forget the session and everything fetched with it.
 */
export function useFinishSignOut(): () => Promise<void> {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return async () => {
    await navigate("/login", { replace: true, state: { signedOut: true } });
    markSignedOut(queryClient);
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
  };
}
