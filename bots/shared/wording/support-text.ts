import type { SourceLink, SupportReply } from "../../../core/support/support-types.ts";
import type { TicketRow } from "../../../core/support/tickets/list-tickets.ts";
import type { T } from "./translator.ts";

/** How a ticket is named to a follower: short enough to type, unique enough among one follower's tickets. */
export const ticketRef = (ticketId: string) => `#${ticketId.slice(0, 8)}`;

/**
 * How a bot marks up a reply: `text` escapes what it did not write (the answer, an excerpt, the wording), `link`
 * renders one source. Plain by default: the link itself, as a follower can copy it.
 */
export interface SupportMarkup {
  text(s: string): string;
  link(source: SourceLink): string;
}

const plain: SupportMarkup = { text: (s) => s, link: (s) => s.link };

/** A source's link points somewhere only with SUPPORT_DOCS_URL; otherwise it is the doc's path, shown as is. */
export const isWebLink = (link: string) => /^https?:\/\//.test(link);

/** The last part of a heading path ("FAQ > How do I link Binance?"): what a link is labelled with. */
export const sourceLabel = (s: SourceLink) => s.heading.split(" > ").at(-1)?.trim() || s.source;

// A wording with an argument the bot marks up itself: the wording is escaped around the argument, not through it.
const LINKS = "\u0000";
const withLinks = (wording: string, links: string, m: SupportMarkup) => wording.split(LINKS).map(m.text).join(links);

/**
 * A support reply in the follower's language: the answer or the quoted docs, the sources, what happened to their
 * question (ticket, refusal, limit), and the warning when something secret was removed. The bots add the
 * "Helpful" / "Talk to a human" buttons (`supportButtons`) and their own markup (`m`).
 */
export function supportReplyText(r: SupportReply, t: T, m: SupportMarkup = plain): string {
  const parts: string[] = [];
  const say = (key: string, args?: Record<string, string>) => parts.push(m.text(t(key, args)));
  if (r.redacted.length) say("support-redacted");
  const ticket = r.ticketId ? ticketRef(r.ticketId) : "";
  switch (r.kind) {
    case "answer":
      if (r.text) parts.push(m.text(r.text));
      if (r.sources.length) {
        parts.push(withLinks(t("support-sources", { links: LINKS }), r.sources.map(m.link).join(", "), m));
      }
      break;
    case "docs":
      if (!r.quotes.length) say("support-docs-none");
      else {
        say("support-docs-intro");
        for (const q of r.quotes) {
          const source = withLinks(t("support-source", { link: LINKS }), m.link(q), m);
          parts.push(`${m.text(q.heading)}\n${m.text(q.excerpt)}\n${source}`);
        }
      }
      break;
    case "refused":
      say("support-refused");
      break;
    case "human":
      say(r.newTicket ? "support-human" : "support-human-added", { ticket });
      break;
    case "unavailable":
      say("support-unavailable", { ticket });
      break;
    case "rate_limited":
      say("support-rate-limited");
      break;
  }
  if ((r.kind === "answer" || r.kind === "docs") && r.ticketId) {
    say(r.newTicket ? "support-ticket-opened" : "support-ticket-added", { ticket });
  } else if (r.kind === "docs" && r.offerTicket) say("support-offer-ticket");
  return parts.join("\n\n");
}

/**
 * The two buttons under an answer, as data each bot renders its way: "Helpful" records feedback, "Talk to a human"
 * opens a ticket. None without an answer to refer to (rate limited), and no "Talk to a human" once a ticket took
 * the question.
 */
export function supportButtons(r: SupportReply, t: T): { action: "helpful" | "human"; label: string }[] {
  if (!r.answerId) return [];
  const buttons: { action: "helpful" | "human"; label: string }[] = [];
  if (r.kind === "answer" || r.kind === "docs") buttons.push({ action: "helpful", label: t("support-button-helpful") });
  if (!r.ticketId && r.kind !== "refused") buttons.push({ action: "human", label: t("support-button-human") });
  return buttons;
}

/** What "Talk to a human" answers: the ticket it opened, or the open one it added to. */
export const escalatedText = (e: { ticketId: string; created: boolean }, t: T) =>
  t(e.created ? "support-human" : "support-human-added", { ticket: ticketRef(e.ticketId) });

/**
 * A follower's message that went into their open ticket rather than to the assistant: where it went, the warning
 * if something secret was removed, and how to ask the assistant instead (`command`: "/support", "/ask").
 */
export function followerReplyText(r: { ticketId: string; redacted: string[] }, command: string, t: T): string {
  return [
    ...(r.redacted.length ? [t("support-redacted")] : []),
    t("support-reply-added", { ticket: ticketRef(r.ticketId) }),
    t("support-ask-hint", { command }),
  ].join("\n\n");
}

/** A follower's open tickets (the bots' /ticket). */
export function ownTicketsText(tickets: TicketRow[], t: T): string {
  if (!tickets.length) return t("support-no-tickets");
  const lines = tickets.map((k) =>
    t("support-ticket-line", {
      ticket: ticketRef(k.id),
      date: k.createdAt.toISOString().slice(0, 10),
      question: k.question.length > 80 ? `${k.question.slice(0, 79)}…` : k.question,
    }),
  );
  return [t("support-tickets-title"), ...lines].join("\n");
}
