import type { RuntimeError } from '../../shared/runtime-messages.ts';

/** An error said plainly, announced to screen readers. */
export function ErrorText({ error }: { error: RuntimeError | null }) {
  if (!error) return null;
  return (
    <p class="error" role="alert">
      {error.message}
    </p>
  );
}
