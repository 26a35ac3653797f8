import { useNavigate } from "react-router";

/**
 * After the server ended the session: go to the sign-in page, which then forgets the session and
 * everything fetched with it. In that order, the route guard never sees a signed-out user on the
 * page being left, so the sign-in page gets no "come back to" link.
 */
export function useFinishSignOut(): () => Promise<void> {
  const navigate = useNavigate();
  return async () => {
    await navigate("/login", { replace: true, state: { signedOut: true } });
  };
}
