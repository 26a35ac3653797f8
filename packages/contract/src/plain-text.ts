import { z } from "zod";

const HTML_TAG = /<\/?[a-z!?][^>]*>/i;

/** Free text shown to people: HTML tags are refused rather than stored and escaped later. */
export const ZPlainText = z.string().refine((value) => !HTML_TAG.test(value), {
  message: "must be plain text: HTML tags are not allowed",
});
