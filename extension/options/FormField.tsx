import type { ComponentChildren } from 'preact';
import { FieldError } from './FieldError.tsx';
import { fieldAria } from './field-aria.ts';

/**
 * A labelled control of the campaign form with its hint and its messages beside it; the control
 * itself comes from `children`, given the id and ARIA that tie it to the label, hint and messages.
 */
export function FormField({
  wide = false,
  id,
  label,
  hint,
  slot,
  messages,
  children,
}: {
  /** Two columns of the form's grid, for a control whose text is long (the strategy's descriptions). */
  wide?: boolean;
  id: string;
  label: string;
  hint?: string;
  slot: string;
  messages: readonly string[];
  children: (props: { id: string } & ReturnType<typeof fieldAria>) => ComponentChildren;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div class={wide ? 'field wide' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children({ id, ...fieldAria(messages, slot, hintId) })}
      {hint && (
        <span id={hintId} class="muted small">
          {hint}
        </span>
      )}
      <FieldError slot={slot} messages={messages} />
    </div>
  );
}
