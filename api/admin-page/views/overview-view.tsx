import type { Overview } from "../../../core/admin/overview.ts";
import { ago, signClass, utc } from "./format.ts";
import { Pill } from "./layout.tsx";

function Card(props: { label: string; value: string | number; id?: string }) {
  return (
    <div class="card">
      <div class="label">{props.label}</div>
      <div class="value" id={props.id}>
        {props.value}
      </div>
    </div>
  );
}

export function OverviewView(props: { o: Overview; now: Date }) {
  const { o, now } = props;
  const online = o.workers.filter((w) => w.online).length;
  return (
    <>
      <h1>Overview</h1>
      <div class="cards">
        <Card label="Signals, last hour" value={o.signals.lastHour} id="signals-hour" />
        <Card label="Signals, last 24 h" value={o.signals.lastDay} id="signals-day" />
        <Card label="Trades open" value={o.openTrades} id="open-trades" />
        <div class="card">
          <div class="label">Realised PnL today (UTC, net)</div>
          <div class={`value ${signClass(o.pnlToday)}`}>{o.pnlToday}</div>
        </div>
        <Card label="Notification backlog" value={o.notificationBacklog} />
        <Card label="Workers online" value={`${online} / ${o.workers.length}`} />
      </div>
      <h2>Executions in the last 24 h</h2>
      <div class="cards">
        {Object.entries(o.executions).map(([status, n]) => (
          <Card label={status} value={n} />
        ))}
      </div>
      <h2>Queues</h2>
      {o.queues ? (
        <div class="cards">
          {Object.entries(o.queues).map(([name, n]) => (
            <Card label={name} value={n} />
          ))}
        </div>
      ) : (
        <p class="muted">This process cannot see the queue's depth.</p>
      )}
      <h2>Workers</h2>
      <p class="muted">
        Last reconciliation cycle:{" "}
        {o.lastReconciliation
          ? `${ago(o.lastReconciliation.at, now)} (${o.lastReconciliation.ok ? "the exchange answered" : "no answer"})`
          : "none yet"}
      </p>
      {o.workers.length ? (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th>Process</th>
                <th>Kind</th>
                <th>Host</th>
                <th class="num">PID</th>
                <th>Last seen</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody>
              {o.workers.map((w) => (
                <tr>
                  <td>{w.id}</td>
                  <td>{w.kind}</td>
                  <td>{w.host}</td>
                  <td class="num">{w.pid}</td>
                  <td title={utc(w.seenAt)}>{ago(w.seenAt, now)}</td>
                  <td>
                    <Pill value={w.online ? "online" : "offline"} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="muted">No worker has written a heartbeat in the last 24 h.</p>
      )}
    </>
  );
}
