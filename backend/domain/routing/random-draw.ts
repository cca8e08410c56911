/**
 * One draw from the caller's random source, checked: a source outside [0, 1) is a bug in the
 * caller, and silently clamping it would bias routing without anyone noticing.
 */
export function draw(random: () => number): number {
  const value = random();
  if (!(value >= 0 && value < 1)) {
    throw new RangeError(`The routing random source must return a number in [0, 1), got ${value}`);
  }
  return value;
}
