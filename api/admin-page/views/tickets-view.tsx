import type { getTicket } from "../../../core/support/tickets/get-ticket.ts";
import type { TicketRow } from "../../../core/support/tickets/list-tickets.ts";
import { ago, utc } from "./format.ts";
import { Notice, Pager, Pill } from "./layout.tsx";

/** Support tickets, most recently active first, open or closed. */
export function TicketsView(props: {
  tickets: TicketRow[];
  status: "open" | "closed";
  page: number;
  hasNext: boolean;
  now: Date;
}) {
  const other = props.status === "open" ? "closed" : "open";
  return (
    <>
      <h1>Support tickets: {props.status}</h1>
      <p>
        <a href={`/admin/tickets?status=${other}`}>Show {other} tickets</a>
      </p>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th>Last activity</th>
              <th>Follower</th>
              <th>Question</th>
              <th>Why</th>
              <th>Chat</th>
              <th class="num">Messages</th>
            </tr>
          </thead>
          <tbody>
            {props.tickets.map((t) => (
              <tr>
                <td title={utc(t.updatedAt)}>
                  <a href={`/admin/tickets/${t.id}`}>{ago(t.updatedAt, props.now)}</a>
                </td>
                <td>
                  <a href={`/admin/followers/${t.userId}`}>{t.user ?? t.userId.slice(0, 8)}</a>
                </td>
                <td class="wrap">
                  <a href={`/admin/tickets/${t.id}`}>{t.question.slice(0, 140)}</a>
                </td>
                <td>{t.reason.replaceAll("_", " ")}</td>
                <td>{t.transport}</td>
                <td class="num">{t.messages}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {props.tickets.length === 0 && <p class="muted">No {props.status} tickets.</p>}
      <Pager
        page={props.page}
        hasNext={props.hasNext}
        href={(p) => `/admin/tickets?status=${props.status}&page=${p}`}
      />
    </>
  );
}

type Ticket = Awaited<ReturnType<typeof getTicket>>;

/** One ticket: what the bot answered and from what, the follower's context, the conversation, reply and close. */
export function TicketView(props: { t: Ticket; now: Date; notice?: string }) {
  const { t } = props;
  const open = t.status === "open";
  return (
    <>
      <h1>
        Ticket from <a href={`/admin/followers/${t.userId}`}>{t.user ?? t.userId.slice(0, 8)}</a>{" "}
        <Pill value={t.status} />
      </h1>
      <Notice text={props.notice} />
      <p class="muted">
        Opened {utc(t.createdAt)} on {t.transport} ({t.reason.replaceAll("_", " ")})
        {t.confidence !== null && `, the bot's confidence ${t.confidence.toFixed(2)}`}
      </p>
      <h2>Question</h2>
      <p class="wrap">{t.question}</p>
      {t.answer && (
        <>
          <h2>The bot's answer</h2>
          <p class="wrap">{t.answer}</p>
        </>
      )}
      {Array.isArray(t.sources) && t.sources.length > 0 && (
        <p class="muted">Sources: {(t.sources as unknown[]).map((s) => String(s)).join(", ")}</p>
      )}
      {t.context !== null && (
        <details>
          <summary>The follower's context (as given to the bot)</summary>
          <pre class="wrap">{JSON.stringify(t.context, null, 2)}</pre>
        </details>
      )}
      <h2>Conversation</h2>
      <div class="table-wrap">
        <table>
          <tbody>
            {t.messages.map((m) => (
              <tr>
                <td title={utc(m.createdAt)}>{ago(m.createdAt, props.now)}</td>
                <td>{m.author}</td>
                <td class="wrap">{m.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {open && (
        <>
          <form method="post" action={`/admin/tickets/${t.id}/reply`}>
            <p>
              <textarea name="text" rows={4} maxlength={4000} required placeholder="Your reply to the follower" />
            </p>
            <button type="submit">Send reply</button>
          </form>
          <form method="post" action={`/admin/tickets/${t.id}/close`}>
            <button type="submit">Close the ticket</button>
          </form>
        </>
      )}
    </>
  );
}
