import { Link } from "react-router";
import { useSignedIn } from "../../api/session.ts";
import { PageHeading } from "../../ui/page-heading.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import "./career.css";

interface CareerTool {
  to: string;
  title: string;
  description: string;
}

const TOOLS: CareerTool[] = [
  {
    to: "/plan",
    title: "Career plan",
    description:
      "Where you want to be in a few years and how you will get there: the four steps, reviewed on a cadence you choose.",
  },
  {
    to: "/goals",
    title: "Development goals",
    description:
      "Turn a gap into a goal with actions, a due date and check-ins; it is marked achieved when you get there.",
  },
  {
    to: "/one-on-ones",
    title: "1:1s",
    description:
      "Run 1:1s with your manager or your reports from the playbook of your two levels, with notes and a health check.",
  },
  {
    to: "/mentors",
    title: "Mentor finder",
    description: "Colleagues who are strong where you want to grow, and why each one is suggested.",
  },
  {
    to: "/advisor",
    title: "Advancement advisor",
    description:
      "For Directors and above: the paths your organisation's shape opens, the VP of Product role and a private self-check.",
  },
];

/** The growth tools in one place, so the primary navigation needs a single link for them. */
export function CareerPage() {
  useDocumentTitle("Career");
  const session = useSignedIn();
  const tools: CareerTool[] = [
    ...TOOLS,
    {
      to: "/insights",
      title: session.isAdmin ? "Org insights" : "Team insights",
      description: session.isAdmin
        ? "The organisation's shape: headcount per level, spans of control, layers and the bench behind each leadership role."
        : "The shape of your part of the organisation: headcount per level, spans of control and the bench behind its leaders.",
    },
  ];
  return (
    <>
      <PageHeading
        lead={
          <p>
            Plan where you are heading and act on it. For where you stand today, see <Link to="/growth">My growth</Link>
            .
          </p>
        }
      >
        Career
      </PageHeading>
      <ul className="career-tools">
        {tools.map((tool) => (
          <li key={tool.to} className="career-tools__item">
            <h2 className="career-tools__title">
              <Link to={tool.to} className="career-tools__link">
                {tool.title}
              </Link>
            </h2>
            <p>{tool.description}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
