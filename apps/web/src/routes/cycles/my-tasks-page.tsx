import { Link } from "react-router";
import { useMyCycleTasks } from "../../api/cycle-queries.ts";
import { ErrorState } from "../../ui/error-state.tsx";
import { LoadingState } from "../../ui/loading-state.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { useDocumentTitle } from "../../ui/use-document-title.ts";
import "../people/people.css";
import { AcknowledgedComment } from "./acknowledged-comment.tsx";
import { ProgressTable } from "./cycle-progress-page.tsx";
import { formatDay, STATE_LABELS, TASK_LABELS } from "./cycle-labels.ts";

export function MyTasksPage() {
  useDocumentTitle("My tasks");
  const tasks = useMyCycleTasks();
  return (
    <>
      <PageHeading lead={<p>What review cycles ask of you, and, if you manage people, how your team is doing.</p>}>
        My tasks
      </PageHeading>
      {tasks.isPending ? (
        <LoadingState label="Loading your tasks…" />
      ) : tasks.isError ? (
        <ErrorState
          title="Your tasks could not be loaded"
          error={tasks.error}
          onRetry={() => void tasks.refetch()}
          isRetrying={tasks.isFetching}
        />
      ) : (
        <>
          <section aria-labelledby="tasks-heading">
            <h2 id="tasks-heading">Your tasks</h2>
            {tasks.data.tasks.length === 0 ? (
              <p>Nothing to do in a review cycle right now.</p>
            ) : (
              <div className="table-card table-scroll">
                <table className="data-table">
                  <caption className="visually-hidden">Your tasks in review cycles</caption>
                  <thead>
                    <tr>
                      <th scope="col">Task</th>
                      <th scope="col">About</th>
                      <th scope="col">Cycle</th>
                      <th scope="col">Due</th>
                      <th scope="col">State</th>
                    </tr>
                  </thead>
                  <tbody>
                    {tasks.data.tasks.map((task) => (
                      <tr key={`${task.cycleId}-${task.kind}-${task.subject.id}-${task.requestId ?? ""}`}>
                        <th scope="row" data-label="Task">
                          {task.requestId ? (
                            <Link to={`/feedback/${task.requestId}`}>{TASK_LABELS[task.kind]}</Link>
                          ) : task.kind === "self-assessment" ? (
                            <Link to="/growth/self-assessment">{TASK_LABELS[task.kind]}</Link>
                          ) : task.kind === "manager-assessment" ? (
                            <Link to={`/team/${task.subject.id}/assess`}>{TASK_LABELS[task.kind]}</Link>
                          ) : task.kind === "nominate" ? (
                            <Link to={`/tasks/${task.cycleId}/nominate`}>{TASK_LABELS[task.kind]}</Link>
                          ) : task.kind === "approve-nominations" ? (
                            <Link to={`/tasks/${task.cycleId}/approve#report-${task.subject.id}`}>
                              {TASK_LABELS[task.kind]}
                            </Link>
                          ) : task.kind === "acknowledge" && task.state !== "done" ? (
                            <Link to={`/tasks/${task.cycleId}/acknowledge`}>{TASK_LABELS[task.kind]}</Link>
                          ) : (
                            TASK_LABELS[task.kind]
                          )}
                          {task.kind === "acknowledge" && task.state === "done" && (
                            <AcknowledgedComment cycleId={task.cycleId} />
                          )}
                        </th>
                        <td data-label="About">{task.subject.name}</td>
                        <td data-label="Cycle">{task.cycleName}</td>
                        <td data-label="Due">{formatDay(task.dueAt)}</td>
                        <td data-label="State">{STATE_LABELS[task.state]}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          {tasks.data.team.map((entry) => (
            <section key={entry.cycleId} aria-labelledby={`team-${entry.cycleId}`}>
              <h2 id={`team-${entry.cycleId}`}>Your team in {entry.cycleName}</h2>
              <ProgressTable people={entry.people} caption={`Your team's progress in ${entry.cycleName}`} />
            </section>
          ))}
        </>
      )}
    </>
  );
}
