import { generateSecret, generateURI, verify } from "otplib";
import type { CredentialCipher } from "../accounts/credential-cipher.ts";
import { awardAchievement } from "../community/award-achievement.ts";
import type { Clock } from "../platform/clock.ts";
import type { DbClient } from "../platform/db-client.ts";
import { AppError } from "../platform/errors.ts";

export const MAX_FAILED_CODES = 5;
export const LOCKOUT_MS = 15 * 60_000;
// One step either side: phones whose clocks drift by a few seconds still work.
const TOLERANCE_SEC = 30;
const CODE = /^\d{6}$/;

interface Deps {
  db: DbClient;
  cipher: CredentialCipher;
  clock: Clock;
}

export type TwoFactorState = "off" | "pending" | "on";

export async function twoFactorState(input: { userId: string }, deps: { db: DbClient }): Promise<TwoFactorState> {
  const factor = await deps.db.totpFactor.findUnique({
    where: { userId: input.userId },
    select: { confirmedAt: true },
  });
  return !factor ? "off" : factor.confirmedAt ? "on" : "pending";
}

/**
 * Starts enrolment: a new secret, sealed at rest, unconfirmed until a first code proves the authenticator has it.
 * The plaintext is returned once, for the QR code and manual entry.
 */
export async function startTwoFactor(
  input: { userId: string; issuer: string; label: string },
  deps: Deps,
): Promise<{ secret: string; uri: string }> {
  if ((await twoFactorState(input, deps)) === "on") {
    throw new AppError("CONFLICT", "two-factor authentication is already on; disable it first to enrol a new device");
  }
  const secret = generateSecret();
  const sealed = deps.cipher.seal(secret);
  const data = { secret: sealed.envelope, credentialKeyId: sealed.keyId, confirmedAt: null, lastUsedStep: null };
  await deps.db.totpFactor.upsert({
    where: { userId: input.userId },
    create: { userId: input.userId, ...data },
    update: data,
  });
  return { secret, uri: generateURI({ issuer: input.issuer, label: input.label, secret }) };
}

export async function confirmTwoFactor(input: { userId: string; code: string }, deps: Deps): Promise<void> {
  await consumeCode(input, deps, "pending");
  await deps.db.totpFactor.update({ where: { userId: input.userId }, data: { confirmedAt: deps.clock.now() } });
  await audit(deps.db, input.userId, "2fa.enabled");
  await awardAchievement({ userId: input.userId, code: "two_factor" }, deps);
}

export async function disableTwoFactor(input: { userId: string; code: string }, deps: Deps): Promise<void> {
  await consumeCode(input, deps, "on");
  await deps.db.totpFactor.delete({ where: { userId: input.userId } });
  await audit(deps.db, input.userId, "2fa.disabled");
}

/** For guarded actions (/panic): a current code of the confirmed authenticator, usable once. */
export function requireTwoFactorCode(input: { userId: string; code: string }, deps: Deps): Promise<void> {
  return consumeCode(input, deps, "on");
}

/**
 * Checks a code. Wrong codes count towards a lockout; a code's time step is recorded so the same code (or an
 * older one) never works twice, even when two requests race: the step only moves forward in one conditional update.
 */
async function consumeCode(input: { userId: string; code: string }, deps: Deps, needs: "pending" | "on") {
  const { db } = deps;
  const now = deps.clock.now();
  const factor = await db.totpFactor.findUnique({ where: { userId: input.userId } });
  const state = !factor ? "off" : factor.confirmedAt ? "on" : "pending";
  if (!factor || state !== needs) {
    throw new AppError(
      "FORBIDDEN",
      state === "off"
        ? "two-factor authentication is not set up: send /2fa to enrol an authenticator app"
        : state === "pending"
          ? "finish /2fa enrolment first: send the 6-digit code from your authenticator"
          : "two-factor authentication is already on",
    );
  }
  if (factor.lockedUntil && factor.lockedUntil > now) {
    throw new AppError("LOCKED", "too many wrong codes", { details: { until: factor.lockedUntil.toISOString() } });
  }
  const code = input.code.replace(/\s+/g, "");
  const result = CODE.test(code)
    ? await verify({
        secret: deps.cipher.open(factor.secret),
        token: code,
        epoch: Math.floor(now.getTime() / 1000),
        epochTolerance: TOLERANCE_SEC,
        afterTimeStep: factor.lastUsedStep ?? undefined,
      })
    : ({ valid: false } as const);
  if (!result.valid) {
    const failed = factor.failedAttempts + 1;
    const locks = failed >= MAX_FAILED_CODES;
    await db.totpFactor.update({
      where: { userId: input.userId },
      data: {
        failedAttempts: locks ? 0 : failed,
        lockedUntil: locks ? new Date(now.getTime() + LOCKOUT_MS) : undefined,
      },
    });
    if (locks) {
      await audit(db, input.userId, "2fa.locked", { until: new Date(now.getTime() + LOCKOUT_MS).toISOString() });
      throw new AppError("LOCKED", "too many wrong codes", {
        details: { until: new Date(now.getTime() + LOCKOUT_MS).toISOString() },
      });
    }
    throw new AppError("UNAUTHORIZED", "that code is wrong, expired or already used", {
      details: { attemptsLeft: MAX_FAILED_CODES - failed },
    });
  }
  const step = "timeStep" in result ? result.timeStep : Math.floor(now.getTime() / 30_000);
  const moved = await db.totpFactor.updateMany({
    where: {
      userId: input.userId,
      OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: step } }],
    },
    data: { lastUsedStep: step, failedAttempts: 0, lockedUntil: null },
  });
  if (moved.count === 0) throw new AppError("UNAUTHORIZED", "that code was already used; wait for the next one");
}

function audit(db: DbClient, userId: string, action: string, details?: Record<string, string>) {
  return db.auditLog.create({ data: { userId, actor: `user:${userId}`, action, details } });
}
