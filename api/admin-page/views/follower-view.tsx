import type { FollowerDetail } from "../../../core/admin/follower-detail.ts";
import { countryByCode } from "../../../core/community/terms/countries.ts";
import { ago, short, signClass, utc } from "./format.ts";
import { Notice, Pill } from "./layout.tsx";

function PostButton(props: { action: string; label: string; kind?: "danger" | "secondary"; confirm?: string }) {
  return (
    <form class="inline" method="post" action={props.action}>
      <button type="submit" class={props.kind ?? ""} title={props.confirm}>
        {props.label}
      </button>
    </form>
  );
}

function ChatId(props: { id: string; reach: string | null }) {
  return (
    <>
      {props.id} <Pill value={props.reach} />
    </>
  );
}

export function FollowerView(props: { f: FollowerDetail; now: Date; notice?: string; error?: string }) {
  const { f, now } = props;
  const base = `/admin/followers/${f.id}`;
  return (
    <>
      <h1>
        {f.displayName ?? "(no name)"} {f.disabledAt && <Pill value="disabled" />}
      </h1>
      <Notice text={props.notice} />
      <Notice text={props.error} error />
      <dl class="facts">
        <dt>User id</dt>
        <dd>{f.id}</dd>
        <dt>Telegram</dt>
        <dd>{f.telegramId ? <ChatId id={f.telegramId} reach={f.chats.telegram} /> : "—"}</dd>
        <dt>Discord</dt>
        <dd>{f.discordId ? <ChatId id={f.discordId} reach={f.chats.discord} /> : "—"}</dd>
        <dt>Since</dt>
        <dd>{utc(f.createdAt)}</dd>
        <dt>Country</dt>
        <dd>
          {f.country
            ? `${countryByCode(f.country)?.name ?? f.country} (${f.country}), declared ${f.countryDeclaredAt ? utc(f.countryDeclaredAt) : "—"}`
            : "not declared"}
        </dd>
        <dt>Terms</dt>
        <dd>
          {f.termsVersion
            ? `version ${f.termsVersion} accepted ${f.termsAcceptedAt ? utc(f.termsAcceptedAt) : "—"}`
            : "not accepted"}
        </dd>
        <dt>Plan</dt>
        <dd>
          {f.plan
            ? `${f.plan.name}, ${f.plan.activeUntil && f.plan.activeUntil > now ? "active until" : "ended"} ${f.plan.activeUntil ? utc(f.plan.activeUntil) : "—"}`
            : "none"}
        </dd>
        <dt>Referrals</dt>
        <dd>
          {`code ${f.inviteCode ?? "—"}; ${f.referrals.clicks} clicks, ${f.referrals.signups} signups, ${f.referrals.copied} copied a trade, ${f.referrals.paying} paying; commissions USD pending ${f.referrals.commissions.pendingUsd}, approved ${f.referrals.commissions.approvedUsd}, paid ${f.referrals.commissions.paidUsd}`}
          {f.referredById ? (
            <>
              {" "}
              · referred by <a href={`/admin/followers/${f.referredById}`}>a follower</a>
            </>
          ) : null}
        </dd>
        <dt>Access</dt>
        <dd>
          {f.disabledAt ? (
            <>
              disabled {ago(f.disabledAt, now)} <PostButton action={`${base}/enable`} label="Enable" kind="secondary" />
            </>
          ) : (
            <PostButton action={`${base}/disable`} label="Disable user (pauses everything)" kind="danger" />
          )}
        </dd>
      </dl>

      <h2>Accounts</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th>Account</th>
              <th>Status</th>
              <th>Online</th>
              <th class="num">Unrealised</th>
              <th>Last exchange contact</th>
              <th>Last error</th>
            </tr>
          </thead>
          <tbody>
            {f.accounts.map((a) => (
              <tr>
                <td>
                  {a.label ?? a.exchange} <span class="muted">{a.exchange}</span>
                </td>
                <td>
                  <Pill value={a.status} /> {a.haltedUntil && <Pill value="halted" />}
                </td>
                <td>
                  <Pill value={a.online ? "online" : "offline"} />
                </td>
                <td class={`num ${signClass(a.unrealisedPnl ?? "0")}`}>{a.unrealisedPnl ?? "–"}</td>
                <td title={utc(a.lastContactAt)}>{ago(a.lastContactAt, now)}</td>
                <td class="wrap">{a.lastContactError ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>Subscriptions</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th>Strategy</th>
              <th>Account</th>
              <th>Status</th>
              <th>Sizing</th>
              <th>Max lev.</th>
              <th>TP / SL %</th>
              <th>Slippage %</th>
              <th>Trailing</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {f.subscriptions.map((s) => (
              <tr data-subscription={s.id}>
                <td>
                  {s.strategy.name} {s.strategy.pausedAt && <Pill value="paused" />}
                </td>
                <td>{s.account}</td>
                <td>
                  <Pill value={s.status} />
                </td>
                <td>{s.sizing}</td>
                <td>{s.maxLeverage ?? "—"}</td>
                <td>
                  {s.tpPercOverride ?? "signal"} / {s.slPercOverride ?? "signal"}
                </td>
                <td>{s.maxSlippagePerc ?? "default"}</td>
                <td>{s.trailingMode ?? "signal"}</td>
                <td>
                  {s.status === "active" ? (
                    <PostButton action={`/admin/subscriptions/${s.id}/pause`} label="Pause" kind="secondary" />
                  ) : (
                    <PostButton action={`/admin/subscriptions/${s.id}/resume`} label="Resume" kind="secondary" />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>Open trades</h2>
      <TradeTable trades={f.openTrades} now={now} closable />
      <h2>Closed trades (latest 20)</h2>
      <TradeTable trades={f.closedTrades} now={now} />

      <h2>Recent executions</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th>When</th>
              <th>Signal</th>
              <th>Status</th>
              <th class="num">Filled</th>
              <th class="num">Price</th>
              <th>What happened</th>
            </tr>
          </thead>
          <tbody>
            {f.executions.map((e) => (
              <tr>
                <td title={utc(e.createdAt)}>{ago(e.createdAt, now)}</td>
                <td>
                  <a href={`/admin/signals/${e.signalId}`}>
                    {e.strategy}: {e.action} {e.symbol}
                  </a>
                </td>
                <td>
                  <Pill value={e.status} />
                </td>
                <td class="num">{e.filledAmount ?? ""}</td>
                <td class="num">{e.avgPrice ?? ""}</td>
                <td class="wrap">{e.error ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function TradeTable(props: { trades: FollowerDetail["openTrades"]; now: Date; closable?: boolean }) {
  if (!props.trades.length) return <p class="muted">None.</p>;
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th>Trade</th>
            <th>Strategy</th>
            <th>Symbol</th>
            <th>Side</th>
            <th>Status</th>
            <th class="num">Open amount</th>
            <th class="num">Entry</th>
            <th class="num">Exit</th>
            <th class="num">Realised (net)</th>
            <th>Opened</th>
            <th>{props.closable ? "" : "Reason"}</th>
          </tr>
        </thead>
        <tbody>
          {props.trades.map((t) => (
            <tr data-trade={t.id}>
              <td class="muted">{short(t.id)}</td>
              <td>{t.strategy}</td>
              <td>{t.symbol}</td>
              <td>{t.side}</td>
              <td>
                <Pill value={t.status} />
              </td>
              <td class="num">{t.openAmount.toString()}</td>
              <td class="num">{t.entryPrice?.toString() ?? ""}</td>
              <td class="num">{t.exitPrice?.toString() ?? ""}</td>
              <td class={signClass(t.netPnl)}>{t.netPnl}</td>
              <td title={utc(t.openedAt)}>{ago(t.openedAt, props.now)}</td>
              <td>
                {props.closable
                  ? t.status === "open" && (
                      <PostButton action={`/admin/trades/${t.id}/close`} label="Close" kind="danger" />
                    )
                  : t.closeReason}
                {t.protectionError && <div class="wrap neg">{t.protectionError}</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
