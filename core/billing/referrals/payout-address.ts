import { AppError } from "../../platform/errors.ts";

// USDT payout networks and what an address on each looks like. TRON: base58check, 34 characters starting T
// (the checksum is not verified: an admin pays by hand and checks it in their wallet). EVM chains: 0x + 40 hex.
const BASE58_TRON = /^T[1-9A-HJ-NP-Za-km-z]{33}$/;
const EVM = /^0x[0-9a-fA-F]{40}$/;

export const PAYOUT_NETWORKS = { TRC20: BASE58_TRON, ERC20: EVM, BEP20: EVM, POLYGON: EVM } as const;
export type PayoutNetwork = keyof typeof PAYOUT_NETWORKS;

const ALIASES: Record<string, PayoutNetwork> = { TRON: "TRC20", BSC: "BEP20", MATIC: "POLYGON", ETH: "ERC20" };

/** The network's canonical name and the address, or BAD_REQUEST with details.reason network|address. */
export function parsePayoutAddress(input: { address: string; network: string }): {
  address: string;
  network: PayoutNetwork;
} {
  const upper = input.network.trim().toUpperCase();
  const network = (upper in PAYOUT_NETWORKS ? upper : ALIASES[upper]) as PayoutNetwork | undefined;
  if (!network) {
    throw new AppError("BAD_REQUEST", `unsupported network; use one of ${Object.keys(PAYOUT_NETWORKS).join(", ")}`, {
      details: { reason: "network", networks: Object.keys(PAYOUT_NETWORKS) },
    });
  }
  const address = input.address.trim();
  if (!PAYOUT_NETWORKS[network].test(address)) {
    throw new AppError("BAD_REQUEST", `not a valid ${network} address`, { details: { reason: "address", network } });
  }
  return { address, network };
}
