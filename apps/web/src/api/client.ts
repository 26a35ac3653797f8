import { createApiClient } from "@ascent/contract";

/** The one API client of the web app; same-origin, so the session cookie travels with every call. */
export const apiClient = createApiClient();
