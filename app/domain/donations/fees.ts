/**
 * The processor's fee and the "cover the fee" gross-up, in integer minor units. The sandbox
 * charges 2.9% + 30 minor units (Stripe's standard card rate); the real fee of a live charge comes
 * from its balance transaction, never from this estimate.
 */
export const FEE_RATE_PER_MILLE = 29
export const FEE_FIXED_MINOR = 30

/** 2.9% of `amountMinor` rounded half up, plus 30: exact integer arithmetic, no floats. */
export function processorFee(amountMinor: number): number {
  assertWhole(amountMinor)
  return Math.floor((amountMinor * FEE_RATE_PER_MILLE + 500) / 1000) + FEE_FIXED_MINOR
}

/**
 * The smallest charge whose net after the fee is at least `giftMinor`: what a donor who covers
 * the fee pays. Starts from the closed form (gift + fixed) / (1 − rate) and steps to the exact
 * answer, because rounding the fee can leave the closed form one unit off either way.
 */
export function grossUp(giftMinor: number): number {
  assertWhole(giftMinor)
  const net = (charge: number) => charge - processorFee(charge)
  let charge = Math.ceil(((giftMinor + FEE_FIXED_MINOR) * 1000) / (1000 - FEE_RATE_PER_MILLE))
  while (net(charge) < giftMinor) charge++
  while (charge > giftMinor && net(charge - 1) >= giftMinor) charge--
  return charge
}

function assertWhole(amountMinor: number) {
  if (!Number.isSafeInteger(amountMinor) || amountMinor < 0) {
    throw new RangeError(`not a whole non-negative amount of minor units: ${amountMinor}`)
  }
}
