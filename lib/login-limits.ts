import "server-only";
import { postgresLimiter } from "@/lib/rate-limits";

// Sign-in limits (F20): 5 consecutive failures for one account from one address block that
// pair for 15 minutes; 100 failures for one account in an hour block the account for the rest
// of that hour, whatever the address. A success clears the consecutive count. Unknown
// accounts are counted the same way, so a lockout says nothing about whether an account exists.

export const CONSECUTIVE_FAILURES = 5;
export const ACCOUNT_FAILURES_PER_HOUR = 100;

// Failures are counted with penalty() and the block is set explicitly once a limit is reached.
const consecutive = () => postgresLimiter("login_consecutive", { points: CONSECUTIVE_FAILURES, duration: 60 * 60 * 24 });
const perAccount = () => postgresLimiter("login_account", { points: ACCOUNT_FAILURES_PER_HOUR, duration: 60 * 60 });

export class SignInLockedError extends Error {
  constructor(public readonly retryAfterSeconds: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super(`Too many failed sign-ins. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`);
    this.name = "SignInLockedError";
  }
}

const keys = (email: string, address: string) => ({ pair: `${email.toLowerCase()}|${address}`, account: email.toLowerCase() });

/** Refuses the attempt before the password is even checked if either limit is reached. */
export async function assertSignInAllowed(email: string, address: string) {
  const { pair, account } = keys(email, address);
  const [pairState, accountState] = await Promise.all([consecutive().get(pair), perAccount().get(account)]);
  const waits = [
    pairState && pairState.consumedPoints >= CONSECUTIVE_FAILURES ? pairState.msBeforeNext : 0,
    accountState && accountState.consumedPoints >= ACCOUNT_FAILURES_PER_HOUR ? accountState.msBeforeNext : 0,
  ];
  const wait = Math.max(...waits);
  if (wait > 0) throw new SignInLockedError(Math.ceil(wait / 1000));
}

export async function recordSignInFailure(email: string, address: string) {
  const { pair, account } = keys(email, address);
  const [pairState, accountState] = await Promise.all([consecutive().penalty(pair, 1), perAccount().penalty(account, 1)]);
  // The fifth consecutive failure blocks the pair for 15 minutes; then the count starts again.
  if (pairState && pairState.consumedPoints >= CONSECUTIVE_FAILURES) await consecutive().block(pair, 15 * 60);
  if (accountState && accountState.consumedPoints >= ACCOUNT_FAILURES_PER_HOUR) await perAccount().block(account, Math.ceil(accountState.msBeforeNext / 1000));
}

export async function recordSignInSuccess(email: string, address: string) {
  await consecutive().delete(keys(email, address).pair);
}

