// Number and name formatting is shared by every transport (bots/shared/wording/format.ts); only Telegram's
// HTML escaping lives here.
export { accountName, amount, money, shortId, signedMoney } from "../shared/wording/format.ts";

/** Escapes text for Telegram's HTML parse mode. */
export const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
