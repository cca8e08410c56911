/**
 * A number of the board that opens the interactions behind it. Its name says both the number and
 * what clicking does, beginning with the number shown (so voice control finds it by what it reads).
 */
export function NumberButton(props: { value: string; label: string; onClick: () => void; testId?: string }) {
  return (
    <button
      type="button"
      class="number-button"
      aria-label={`${props.value} — ${props.label}`}
      data-testid={props.testId}
      onClick={props.onClick}
    >
      {props.value}
    </button>
  );
}
