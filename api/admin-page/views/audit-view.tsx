import { qs, utc } from "./format.ts";
import { Pager } from "./layout.tsx";

export interface AuditRowView {
  id: string;
  at: Date;
  actor: string;
  action: string;
  userId: string | null;
  accountId: string | null;
  details: unknown;
  ip: string | null;
  user: { displayName: string | null } | null;
}

export function AuditView(props: {
  rows: AuditRowView[];
  page: number;
  hasNext: boolean;
  filters: { action?: string; userId?: string; actor?: string };
}) {
  const { filters } = props;
  return (
    <>
      <h1>Audit log</h1>
      <form class="filters" method="get" action="/admin/audit">
        <input name="action" value={filters.action ?? ""} placeholder="action, e.g. admin. or panic" />
        <input name="actor" value={filters.actor ?? ""} placeholder="actor, e.g. admin:" />
        <input name="user" value={filters.userId ?? ""} placeholder="user id" />
        <button type="submit">Filter</button>
      </form>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th>When</th>
              <th>Action</th>
              <th>Actor</th>
              <th>IP</th>
              <th>User</th>
              <th>Details</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr>
                <td>{utc(r.at)}</td>
                <td>{r.action}</td>
                <td>{r.actor}</td>
                <td>{r.ip ?? ""}</td>
                <td>
                  {r.userId ? <a href={`/admin/followers/${r.userId}`}>{r.user?.displayName ?? r.userId}</a> : ""}
                </td>
                <td class="wrap">
                  <code>{r.details ? JSON.stringify(r.details) : ""}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!props.rows.length && <p class="muted">Nothing matches.</p>}
      <Pager
        page={props.page}
        hasNext={props.hasNext}
        href={(page) =>
          `/admin/audit${qs({ action: filters.action, actor: filters.actor, user: filters.userId, page })}`
        }
      />
    </>
  );
}
