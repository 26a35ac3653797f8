import { useId, useState } from "react";
import type { TDemoStatus } from "@ascent/contract";
import { useDemoStatus } from "../../api/demo.ts";
import { Badge } from "../../ui/badge.tsx";
import { VisuallyHidden } from "../../ui/visually-hidden.tsx";

/** What signing in as each demo persona shows. */
const PERSONAS: Record<string, string> = {
  cpo: "The whole product organisation, as its Chief Product Officer.",
  vp: "A product line with Directors and their teams.",
  director: "A Director's team of product managers.",
  "senior-pm": "A senior product manager's own progress.",
  pm: "A product manager's own progress.",
};

export interface DemoCredentials {
  email: string;
  password: string;
}

/**
 * The demo organisation's logins, shown only while it is loaded. They are public by design, so
 * the panel says plainly that anyone can use them.
 */
export function DemoLogins({ onUse }: { onUse: (login: DemoCredentials) => void }) {
  const demo = useDemoStatus();
  if (!demo.data?.isLoaded || demo.data.logins.length === 0 || !demo.data.password) return null;
  const { logins, others, password, peopleCount } = demo.data;
  return (
    <section className="card demo-logins" aria-labelledby="demo-logins-heading">
      <div className="demo-logins__heading">
        <h2 id="demo-logins-heading" className="card__title">
          Demo logins
        </h2>
        <Badge tone="warning">Demo data</Badge>
      </div>
      <div className="callout callout--warning demo-logins__warning">
        <p>
          <strong>Anyone can sign in with these accounts.</strong> This server holds a made-up demo organisation
          {peopleCount ? ` of ${peopleCount} people` : ""}. Try Ascent with it, then remove it with{" "}
          <code>ascent seed demo --remove</code> before adding real people.
        </p>
      </div>
      <p>
        Every demo login uses the password <code>{password}</code>.
      </p>
      <ul className="demo-logins__list">
        {logins.map((login) => (
          <li key={login.email} className="demo-login">
            <div className="demo-login__who">
              <p className="demo-login__name">
                {login.name} <span className="muted">· {login.title}</span>
              </p>
              <p className="demo-login__persona">{PERSONAS[login.persona] ?? login.persona}</p>
              <p className="demo-login__email">{login.email}</p>
            </div>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => onUse({ email: login.email, password })}
            >
              Use<VisuallyHidden> the login of {login.name}</VisuallyHidden>
            </button>
          </li>
        ))}
      </ul>
      {others.length > 0 && <SomeoneElse others={others} onUse={(email) => onUse({ email, password })} />}
    </section>
  );
}

/** Every other demo person signs in with the same password: for answering a teammate's feedback request as them. */
function SomeoneElse({ others, onUse }: { others: TDemoStatus["others"]; onUse: (email: string) => void }) {
  const selectId = useId();
  const [email, setEmail] = useState(others[0]?.email ?? "");
  return (
    <details className="demo-logins__others">
      <summary>Sign in as someone else ({others.length} more people)</summary>
      <p className="muted">
        Everyone in the demo organisation can sign in with the same password, for example to answer a feedback request
        you sent to a teammate.
      </p>
      <div className="demo-logins__others-row">
        <label htmlFor={selectId} className="visually-hidden">
          Demo person
        </label>
        <select id={selectId} className="input" value={email} onChange={(event) => setEmail(event.target.value)}>
          {others.map((person) => (
            <option key={person.email} value={person.email}>
              {person.name} · {person.title}
              {person.team ? ` · ${person.team}` : ""}
            </option>
          ))}
        </select>
        <button type="button" className="button button--secondary button--small" onClick={() => onUse(email)}>
          Use this login
        </button>
      </div>
    </details>
  );
}
