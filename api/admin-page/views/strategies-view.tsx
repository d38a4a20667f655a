import type { AdminStrategyRow } from "../../../core/admin/list-admin-strategies.ts";
import { ago, percent } from "./format.ts";
import { Notice, Pill } from "./layout.tsx";

/** Shown once, right after a create or a rotation: the page that shows it is never a redirect target. */
export interface RevealedSecret {
  strategy: string;
  passphrase: string;
  webhookUrl: string;
}

export function StrategiesView(props: {
  rows: AdminStrategyRow[];
  now: Date;
  revealed?: RevealedSecret;
  notice?: string;
  error?: string;
}) {
  const { rows, now, revealed } = props;
  return (
    <>
      <h1>Strategies</h1>
      <Notice text={props.notice} />
      <Notice text={props.error} error />
      {revealed && (
        <div class="card" id="revealed">
          <p>
            The passphrase of <strong>{revealed.strategy}</strong>, shown this once (only its hash is kept):
          </p>
          <p class="secret">{revealed.passphrase}</p>
          <p>
            Webhook URL: <code>{revealed.webhookUrl}</code>
          </p>
        </div>
      )}
      <h2>New strategy</h2>
      <form class="filters" method="post" action="/admin/strategies">
        <input name="name" placeholder="Name" required maxlength={100} />
        <input name="slug" placeholder="slug (optional)" maxlength={48} />
        <input name="ownerUserId" placeholder="Owner user id (optional)" />
        <button type="submit">Create</button>
      </form>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th>Strategy</th>
              <th>Status</th>
              <th class="num">Followers</th>
              <th class="num">Signals 30 d</th>
              <th class="num">Win rate 30 d</th>
              <th>Discord channels</th>
              <th>Owner</th>
              <th>Actions</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr>
                <td>
                  <a href={`/admin/signals?strategy=${s.id}`}>{s.name}</a>
                  <div class="muted">
                    {s.slug} · created {ago(s.createdAt, now)}
                  </div>
                </td>
                <td>
                  <Pill value={s.paused ? "paused" : "active"} />
                </td>
                <td class="num">{s.followers}</td>
                <td class="num">{s.signals30d}</td>
                <td class="num" title={`${s.closed30d} trades closed`}>
                  {percent(s.winRate30d)}
                </td>
                <td>
                  {s.discord.publish || s.discord.source
                    ? `${s.discord.publish} publish · ${s.discord.source} source`
                    : "none"}
                </td>
                <td>
                  <form class="inline" method="post" action={`/admin/strategies/${s.id}/owner`}>
                    <input
                      name="ownerUserId"
                      value={s.owner?.id ?? ""}
                      placeholder="user id"
                      size={12}
                      title={s.owner?.displayName ?? ""}
                    />{" "}
                    <button type="submit" class="secondary">
                      Set owner
                    </button>
                  </form>
                </td>
                <td>
                  <form
                    class="inline"
                    method="post"
                    action={`/admin/strategies/${s.id}/${s.paused ? "resume" : "pause"}`}
                  >
                    <button type="submit" class="secondary">
                      {s.paused ? "Resume" : "Pause"}
                    </button>
                  </form>{" "}
                  <form class="inline" method="post" action={`/admin/strategies/${s.id}/passphrase`}>
                    <button type="submit" class="danger">
                      Rotate passphrase
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
