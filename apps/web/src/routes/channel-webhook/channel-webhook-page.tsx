import { useEffect, useState } from "react";
import { LIMITS, endpoints, type TChannelPostKind, type TChannelWebhook } from "@ascent/contract";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiClient } from "../../api/client.ts";
import { Breadcrumb } from "../../ui/breadcrumb.tsx";
import { ConfirmDialog } from "../../ui/confirm-dialog.tsx";
import { describeError, fieldErrors } from "../../ui/describe-error.ts";
import { ErrorState } from "../../ui/error-state.tsx";
import { FormattedDate } from "../../ui/formatted-date.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { TextField } from "../../ui/text-field.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import "./channel-webhook.css";

const WEBHOOK_KEY = ["admin", "channel-webhook"] as const;

function useChannelWebhook() {
  return useQuery({ queryKey: WEBHOOK_KEY, queryFn: () => apiClient.call(endpoints.channelWebhook.get) });
}

/** Every change answers with the whole setting, so the page shows the server's word at once. */
function useWebhookChange<Input>(call: (input: Input) => Promise<TChannelWebhook | null>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (view) => {
      if (view) queryClient.setQueryData(WEBHOOK_KEY, view);
      else void queryClient.invalidateQueries({ queryKey: WEBHOOK_KEY });
    },
  });
}

/** Admin: the organisation's Slack channel. The address is tried before it is kept and shown masked after. */
export function ChannelWebhookPage() {
  useDocumentTitle("Slack channel");
  const webhook = useChannelWebhook();
  return (
    <>
      <Breadcrumb trail={[{ to: "/setup", label: "Setup and administration" }]} current="Slack channel" />
      <PageHeading
        lead={
          <p>
            Ascent can tell a Slack channel when a review cycle opens, a phase closes, results are released and a
            cycle&apos;s promotion cases are all decided. These posts are about the organisation only: they never name a
            person or show a rating or an outcome. What concerns one person reaches them in Ascent and by email.
          </p>
        }
      >
        Slack channel
      </PageHeading>
      {webhook.isPending && <LoadingState label="Loading the channel settings…" />}
      {webhook.isError && (
        <ErrorState
          title="The channel settings could not be loaded"
          error={webhook.error}
          onRetry={() => void webhook.refetch()}
          isRetrying={webhook.isFetching}
        />
      )}
      {webhook.data && (
        <>
          <WebhookSection view={webhook.data} />
          <KindsSection view={webhook.data} />
        </>
      )}
    </>
  );
}

function WebhookSection({ view }: { view: TChannelWebhook }) {
  const [url, setUrl] = useState("");
  const [isRemoving, setIsRemoving] = useState(false);
  const save = useWebhookChange((address: string) =>
    apiClient.call(endpoints.channelWebhook.save, { body: { url: address } }),
  );
  const test = useMutation({ mutationFn: () => apiClient.call(endpoints.channelWebhook.test) });
  const remove = useWebhookChange(() => apiClient.call(endpoints.channelWebhook.remove));
  const urlError = save.isError ? (fieldErrors(save.error).url ?? describeError(save.error)) : undefined;
  const current = view.webhook;

  return (
    <section className="section" aria-labelledby="webhook-heading">
      <h2 id="webhook-heading">Incoming webhook</h2>
      {current ? (
        <div className="card webhook-current">
          <p>
            Posting to <code className="webhook-current__url">{current.maskedUrl}</code>
            {current.updatedAt && (
              <>
                {" "}
                <span className="muted">
                  (saved <FormattedDate iso={current.updatedAt} />)
                </span>
              </>
            )}
          </p>
          <p className="muted">Only the start and the last characters of the address are shown: it is a secret.</p>
          <div className="webhook-current__actions">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => test.mutate()}
              disabled={test.isPending}
            >
              {test.isPending ? "Sending…" : "Send a test message"}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setIsRemoving(true)}>
              Remove the webhook
            </button>
          </div>
          {test.isSuccess && (
            <p role="status" className="callout callout--success">
              The channel took the test message.
            </p>
          )}
          {test.isError && (
            <p role="alert" className="callout callout--error">
              {describeError(test.error)}
            </p>
          )}
        </div>
      ) : (
        <p className="callout callout--note">No webhook is set: nothing is posted to Slack.</p>
      )}
      <form
        className="webhook-form"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(url, { onSuccess: () => setUrl("") });
        }}
      >
        <TextField
          label={current ? "Replace with a new webhook address" : "Webhook address"}
          hint={
            <>
              In Slack, add the Incoming Webhooks app to a channel and copy its address (
              <code>https://hooks.slack.com/services/…</code>). Saving first posts a test message to the channel, and
              keeps the address only if the channel takes it.
              {view.allowsHttp ? " This server also accepts http:// addresses." : ""}
            </>
          }
          name="url"
          type="text"
          autoComplete="off"
          value={url}
          onChange={setUrl}
          error={urlError}
          maxLength={LIMITS.webhookUrl}
        />
        <p>
          <button type="submit" className="button" disabled={save.isPending || url.trim() === ""}>
            {save.isPending ? "Testing…" : "Test and save"}
          </button>
        </p>
        {save.isSuccess && (
          <p role="status" className="callout callout--success">
            The channel took the test message; the webhook is saved.
          </p>
        )}
      </form>
      <ConfirmDialog
        isOpen={isRemoving}
        onClose={() => setIsRemoving(false)}
        title="Remove the webhook?"
        confirmLabel="Remove"
        busyLabel="Removing…"
        isBusy={remove.isPending}
        error={remove.error}
        onConfirm={() => remove.mutate(undefined, { onSuccess: () => setIsRemoving(false) })}
      >
        Nothing more will be posted to the channel until a webhook is saved again.
      </ConfirmDialog>
    </section>
  );
}

function KindsSection({ view }: { view: TChannelWebhook }) {
  const [enabled, setEnabled] = useState<Record<string, boolean>>({});
  useEffect(() => setEnabled(Object.fromEntries(view.kinds.map((k) => [k.kind, k.isEnabled]))), [view.kinds]);
  const save = useWebhookChange((kinds: { kind: TChannelPostKind; isEnabled: boolean }[]) =>
    apiClient.call(endpoints.channelWebhook.setKinds, { body: { kinds } }),
  );
  return (
    <section className="section" aria-labelledby="kinds-heading">
      <h2 id="kinds-heading">What is posted</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(view.kinds.map(({ kind }) => ({ kind, isEnabled: enabled[kind] ?? true })));
        }}
      >
        <fieldset className="webhook-kinds">
          <legend className="visually-hidden">Kinds of post sent to the channel</legend>
          {view.kinds.map((kind) => (
            <label key={kind.kind} className="webhook-kinds__choice">
              <input
                type="checkbox"
                checked={enabled[kind.kind] ?? kind.isEnabled}
                onChange={(event) => setEnabled((current) => ({ ...current, [kind.kind]: event.target.checked }))}
              />{" "}
              {kind.label}
            </label>
          ))}
        </fieldset>
        <p>
          <button type="submit" className="button button--secondary" disabled={save.isPending}>
            Save choices
          </button>
        </p>
        {save.isSuccess && (
          <p role="status" className="callout callout--success">
            Your choices are saved.
          </p>
        )}
        {save.isError && (
          <p role="alert" className="callout callout--error">
            {describeError(save.error)}
          </p>
        )}
      </form>
    </section>
  );
}
