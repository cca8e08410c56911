import { errorId } from './field-aria.ts';

/** The messages for one place of the campaign form, with the id its input is described by. */
export function FieldError({ slot, messages }: { slot: string; messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <span id={errorId(slot)} class="error small">
      {messages.join(' ')}
    </span>
  );
}
