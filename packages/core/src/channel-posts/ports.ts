import type { ChannelPostKind, WebhookPayload } from "./channel-post.ts";

/** The organisation's incoming webhook, and the kinds of post an admin switched off. */
export interface WebhookSettings {
  /** The full address: a secret that never leaves the server whole. Null when removed or never set. */
  url: string | null;
  disabledKinds: ChannelPostKind[];
  updatedAt: Date | null;
  updatedBy: string | null;
}

export interface WebhookSettingsRepository {
  load(): Promise<WebhookSettings>;
  saveUrl(url: string | null, by: string, at: Date): Promise<void>;
  saveDisabledKinds(kinds: ChannelPostKind[], by: string, at: Date): Promise<void>;
}

/** Posts a payload to a webhook; throws WebhookPostError naming why it was not taken. */
export interface WebhookPoster {
  post(url: string, payload: WebhookPayload): Promise<void>;
}

/** The keys of posts already made, so that a retried job posts nothing twice. */
export interface ChannelPostLog {
  /** Claims the key before posting; false when it was claimed before. */
  claim(postKey: string, at: Date): Promise<boolean>;
  markSent(postKey: string, at: Date): Promise<void>;
  /** Gives the key back after a failed attempt, so that the retry may post. */
  release(postKey: string): Promise<void>;
}
