import type { MailMessage } from "./ports.ts";

/** What a mail says, before it becomes a plain-text and an HTML body. */
export interface MailContent {
  sendKey: string;
  to: string;
  subject: string;
  greeting: string;
  paragraphs: string[];
  /** Entries that each lead somewhere (a digest's notifications): a list of links. */
  list?: { label: string; url: string }[];
  /** The one thing to do, as a button in HTML and a bare address in plain text. */
  action?: { label: string; url: string };
  /** A closing line in small print (why the mail came, what to do if unexpected). */
  footer?: string;
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/** Both bodies of one mail from the same words, so that they never say different things. */
export function composeMail(content: MailContent): MailMessage {
  const textParts = [content.greeting, ...content.paragraphs];
  if (content.list?.length) textParts.push(content.list.map((entry) => `- ${entry.label}\n  ${entry.url}`).join("\n"));
  if (content.action) textParts.push(`${content.action.label}: ${content.action.url}`);
  if (content.footer) textParts.push(`--\n${content.footer}`);
  const htmlParts = [content.greeting, ...content.paragraphs].map((line) => `<p>${escapeHtml(line)}</p>`);
  if (content.list?.length) {
    const entries = content.list.map(
      (entry) => `<li><a href="${escapeHtml(entry.url)}">${escapeHtml(entry.label)}</a></li>`,
    );
    htmlParts.push(`<ul>${entries.join("")}</ul>`);
  }
  if (content.action) {
    const href = escapeHtml(content.action.url);
    htmlParts.push(
      `<p><a href="${href}" style="display:inline-block;padding:10px 16px;background:#1d4ed8;color:#ffffff;` +
        `text-decoration:none;border-radius:6px">${escapeHtml(content.action.label)}</a></p>`,
      `<p style="font-size:13px;color:#444">Or open this address: ${href}</p>`,
    );
  }
  if (content.footer) htmlParts.push(`<p style="font-size:12px;color:#555">${escapeHtml(content.footer)}</p>`);
  return {
    sendKey: content.sendKey,
    to: content.to,
    subject: content.subject,
    text: `${textParts.join("\n\n")}\n`,
    html:
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>` +
      `<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#111">${htmlParts.join("")}</body></html>`,
  };
}
