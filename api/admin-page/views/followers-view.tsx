import type { FollowersPage } from "../../../core/admin/list-followers.ts";
import { ago, qs, signClass } from "./format.ts";
import { Pager, Pill } from "./layout.tsx";

export function FollowersView(props: { list: FollowersPage; q?: string; now: Date }) {
  const { list, now } = props;
  return (
    <>
      <h1>Followers</h1>
      <form class="search" method="get" action="/admin/followers">
        <input
          name="q"
          type="search"
          size={36}
          value={props.q ?? ""}
          placeholder="Name, user id, Telegram or Discord id"
        />
        <button type="submit">Search</button>
      </form>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th>Follower</th>
              <th>Chats</th>
              <th>Accounts</th>
              <th>Online</th>
              <th class="num">Open trades</th>
              <th class="num">Unrealised</th>
              <th class="num">Realised 24 h</th>
              <th class="num">Realised 7 d</th>
              <th class="num">Signals</th>
              <th class="num">Filled</th>
              <th class="num">Failed</th>
              <th class="num">Skipped</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((f) => (
              <tr>
                <td>
                  <a href={`/admin/followers/${f.id}`}>{f.displayName ?? "(no name)"}</a>{" "}
                  {f.disabled && <Pill value="disabled" />}
                  <div class="muted">{f.id}</div>
                </td>
                <td>
                  {f.telegramId && (
                    <div>
                      Telegram {f.telegramId} <Pill value={f.chats.telegram} />
                    </div>
                  )}
                  {f.discordId && (
                    <div>
                      Discord {f.discordId} <Pill value={f.chats.discord} />
                    </div>
                  )}
                  {!f.telegramId && !f.discordId && <span class="muted">—</span>}
                </td>
                <td>
                  {f.accounts.map((a) => (
                    <div>
                      {a.label ?? a.exchange} <Pill value={a.status} />{" "}
                      <span class="muted" title={a.lastContactError ?? ""}>
                        {ago(a.lastContactAt, now)}
                      </span>
                    </div>
                  ))}
                  {!f.accounts.length && <span class="muted">none</span>}
                </td>
                <td>
                  <Pill value={f.online ? "online" : "offline"} />
                </td>
                <td class="num">{f.openTrades}</td>
                <td class={signClass(f.unrealised ?? "0")}>{f.unrealised ?? "–"}</td>
                <td class={signClass(f.realised["24h"])}>{f.realised["24h"]}</td>
                <td class={signClass(f.realised["7d"])}>{f.realised["7d"]}</td>
                <td class="num">{f.signals.received}</td>
                <td class="num">{f.signals.filled}</td>
                <td class="num">{f.signals.failed}</td>
                <td class="num">{f.signals.skipped}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!list.rows.length && <p class="muted">No follower matches.</p>}
      <Pager page={list.page} hasNext={list.hasNext} href={(page) => `/admin/followers${qs({ q: props.q, page })}`} />
    </>
  );
}
