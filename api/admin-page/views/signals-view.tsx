import type { AdminSignalRow, SignalFilters } from "../../../core/admin/list-admin-signals.ts";
import { ago, qs, utc } from "./format.ts";
import { Pager, Pill } from "./layout.tsx";

export function SignalsView(props: {
  rows: AdminSignalRow[];
  page: number;
  hasNext: boolean;
  filters: SignalFilters;
  strategies: { id: string; name: string }[];
  now: Date;
}) {
  const { filters, now } = props;
  return (
    <>
      <h1>Signals</h1>
      <form class="filters" method="get" action="/admin/signals">
        <select name="strategy">
          <option value="">every strategy</option>
          {props.strategies.map((s) => (
            <option value={s.id} selected={s.id === filters.strategyId}>
              {s.name}
            </option>
          ))}
        </select>
        <select name="action">
          <option value="">any action</option>
          {(["long", "short", "close"] as const).map((a) => (
            <option value={a} selected={a === filters.action}>
              {a}
            </option>
          ))}
        </select>
        <select name="status">
          <option value="">any status</option>
          {(["received", "dispatched"] as const).map((s) => (
            <option value={s} selected={s === filters.status}>
              {s}
            </option>
          ))}
        </select>
        <input name="symbol" value={filters.symbol ?? ""} placeholder="symbol, e.g. BTC" size={10} />
        <button type="submit">Filter</button>
      </form>
      <div class="table-wrap">
        <table id="signals">
          <thead>
            <tr>
              <th>Received</th>
              <th>Strategy</th>
              <th>Action</th>
              <th>Symbol</th>
              <th class="num">Price</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((s) => (
              <tr data-signal={s.id}>
                <td title={utc(s.receivedAt)}>
                  <a href={`/admin/signals/${s.id}`}>{ago(s.receivedAt, now)}</a>
                </td>
                <td>{s.strategy.name}</td>
                <td>{s.action}</td>
                <td>{s.symbol}</td>
                <td class="num">{s.price ?? ""}</td>
                <td>
                  <Pill value={s.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!props.rows.length && <p class="muted">No signal matches.</p>}
      <Pager
        page={props.page}
        hasNext={props.hasNext}
        href={(page) =>
          `/admin/signals${qs({ strategy: filters.strategyId, action: filters.action, status: filters.status, symbol: filters.symbol, page })}`
        }
      />
    </>
  );
}
