/** The id of the message shown for one place of the campaign form (a field, a row, or a list). */
export const errorId = (slot: string) => `cf-err-${slot}`;

/**
 * ARIA for an input at `slot`: invalid while it has messages, and described by them and by its hint,
 * so a screen reader reads the problem when the input gets focus.
 */
export function fieldAria(messages: readonly string[], slot: string, hintId?: string) {
  const ids = [messages.length > 0 ? errorId(slot) : undefined, hintId].filter(Boolean).join(' ');
  return { 'aria-invalid': messages.length > 0, 'aria-describedby': ids || undefined };
}
