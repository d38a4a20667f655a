import { EXECUTION_STATUSES, type SignalDetail } from "../../../core/admin/signal-detail.ts";
import { ago, qs, utc } from "./format.ts";
import { Pager, Pill } from "./layout.tsx";

export function SignalView(props: { s: SignalDetail; now: Date }) {
  const { s, now } = props;
  const total = Object.values(s.counts).reduce((a, b) => a + b, 0);
  return (
    <>
      <h1>
        {s.strategy.name}: {s.action} {s.symbol}
      </h1>
      <dl class="facts">
        <dt>Signal id</dt>
        <dd>{s.id}</dd>
        <dt>Received</dt>
        <dd>
          {utc(s.receivedAt)} ({ago(s.receivedAt, now)})
        </dd>
        <dt>As sent</dt>
        <dd>
          {s.rawSymbol}
          {s.price && ` · price ${s.price}`}
          {s.leverage && ` · leverage ${s.leverage}`}
          {s.tpPerc && ` · TP ${s.tpPerc}%`}
          {s.slPerc && ` · SL ${s.slPerc}%`}
        </dd>
        <dt>Status</dt>
        <dd>
          <Pill value={s.status} /> {s.strategy.pausedAt && "(strategy paused: not fanned out)"}
        </dd>
      </dl>
      <h2>Executions</h2>
      <div class="cards" id="execution-counts">
        <div class="card">
          <div class="label">total</div>
          <div class="value">{total}</div>
        </div>
        {EXECUTION_STATUSES.map((status) => (
          <div class="card">
            <div class="label">{status}</div>
            <div class="value" data-count={`${s.id}:${status}`}>
              {s.counts[status]}
            </div>
          </div>
        ))}
      </div>
      <h2>Followers</h2>
      <div class="table-wrap">
        <table id="executions">
          <thead>
            <tr>
              <th>Follower</th>
              <th>Account</th>
              <th>Status</th>
              <th>Side</th>
              <th class="num">Asked</th>
              <th class="num">Filled</th>
              <th class="num">Price</th>
              <th class="num">Attempts</th>
              <th>What happened</th>
            </tr>
          </thead>
          <tbody>
            {s.executions.map((e) => (
              <tr data-execution={e.id}>
                <td>
                  <a href={`/admin/followers/${e.account.user.id}`}>{e.account.user.displayName ?? "(no name)"}</a>
                </td>
                <td>{e.account.label ?? e.account.exchange}</td>
                <td>
                  <Pill value={e.status} />
                </td>
                <td>{e.side ?? ""}</td>
                <td class="num">{e.requestedAmount ?? ""}</td>
                <td class="num">{e.filledAmount ?? ""}</td>
                <td class="num">{e.avgPrice ?? ""}</td>
                <td class="num">{e.attempts}</td>
                <td class="wrap">{e.error ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!s.executions.length && <p class="muted">No executions yet.</p>}
      <Pager page={s.page} hasNext={s.hasNext} href={(page) => `/admin/signals/${s.id}${qs({ page })}`} />
    </>
  );
}
