import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";
import type { PasswordPolicy } from "@ascent/core";

/** zxcvbn's scale runs 0–4; 3 is "safely unguessable" against an online attack and a slow hash offline. */
const MINIMUM_SCORE = 3;

const zxcvbn = new ZxcvbnFactory({
  translations: english.translations,
  graphs: common.adjacencyGraphs,
  dictionary: { ...common.dictionary, ...english.dictionary },
});

/**
 * zxcvbn-ts with its common-password, English and keyboard-pattern lists, and the person's own name
 * and e-mail address as words an attacker would try first.
 */
export const zxcvbnPasswordPolicy: PasswordPolicy = {
  weakness(password, personal) {
    const result = zxcvbn.check(password, personal);
    if (result.score >= MINIMUM_SCORE) return null;
    const warning = result.feedback.warning ?? "it is a common password or a simple pattern";
    const suggestion = result.feedback.suggestions[0];
    return suggestion ? `${warning} ${suggestion}` : warning;
  },
};
