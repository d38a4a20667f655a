import type { PlanView } from "../../../core/billing/manage-plans.ts";
import { Pill } from "./layout.tsx";

/** The plans, under the strategies they make premium; managed through the admin API (docs/api.md, "Plans"). */
export function PlansView(props: { plans: PlanView[] }) {
  return (
    <>
      <h2>Plans</h2>
      {props.plans.length === 0 ? (
        <p class="muted">No plans: every strategy is free. Create one with POST /api/admin/plans.</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th>Plan</th>
                <th>Status</th>
                <th class="num">Price (USD)</th>
                <th class="num">Days</th>
                <th>Strategies</th>
                <th class="num">Max accounts</th>
              </tr>
            </thead>
            <tbody>
              {props.plans.map((p) => (
                <tr>
                  <td>{p.name}</td>
                  <td>
                    <Pill value={p.active ? "active" : "inactive"} />
                  </td>
                  <td class="num">{p.priceUsd}</td>
                  <td class="num">{p.periodDays}</td>
                  <td>{p.strategies === "all" ? "all strategies" : p.strategies.join(", ")}</td>
                  <td class="num">{p.maxAccounts ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
