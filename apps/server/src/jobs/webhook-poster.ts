import { WebhookPostError, type WebhookPayload, type WebhookPoster } from "@ascent/core";

/** How long a receiver may take to answer: Slack answers in well under a second. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/**
 * What of a refusal's body the reason keeps: Slack answers one error word such as "no_service" or
 * "invalid_token". Anything else is left out, so that "test before save" cannot be used to read another
 * service's answers back through the admin's screen.
 */
const SLACK_ERROR_WORD = /^[a-z][a-z0-9_]{0,59}(?![^\s])/;

function causeOf(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  if (cause && typeof cause === "object" && "code" in cause && typeof cause.code === "string") return cause.code;
  return cause instanceof Error ? cause.message : String(cause);
}

/**
 * Posts Slack's `{text}` payload with fetch: an incoming webhook needs no SDK. Anything but a 2xx
 * answer is a failure, redirects included (a webhook that moved is a webhook to set again), and the
 * error names the answer, never the address.
 */
export function fetchWebhookPoster(options: { timeoutMs?: number } = {}): WebhookPoster {
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  return {
    async post(url: string, payload: WebhookPayload): Promise<void> {
      let response: Response;
      try {
        response = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(payload),
          redirect: "manual",
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
          throw new WebhookPostError({ kind: "timeout", seconds: timeoutMs / 1000 });
        }
        throw new WebhookPostError({ kind: "unreachable", cause: causeOf(error) });
      }
      const body = await response.text().catch(() => "");
      if (response.status < 200 || response.status > 299) {
        const said = SLACK_ERROR_WORD.exec(body.trim())?.[0] ?? "";
        throw new WebhookPostError({ kind: "status", status: response.status, body: said });
      }
    },
  };
}
