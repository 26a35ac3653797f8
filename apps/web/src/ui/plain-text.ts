/**
 * The contract's ZPlainText rule (no HTML tags in text shown to people), checked in forms so the
 * person hears about it beside the field before anything is sent; the server still decides.
 */
const HTML_TAG = /<\/?[a-z!?][^>]*>/i;

export function isPlainText(value: string): boolean {
  return !HTML_TAG.test(value);
}
