import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';
import { t } from '../ui/i18n.ts';

/**
 * A modal dialog (the browser's own <dialog>: focus stays inside, Escape closes it). Its title
 * takes the focus on open, so a screen reader announces it; closing returns focus to the page.
 */
export function Dialog(props: {
  title: string;
  onClose: () => void;
  children: ComponentChildren;
  testId?: string;
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement as HTMLElement | null;
    if (dialog && !dialog.open) dialog.showModal?.();
    heading.current?.focus();
    return () => {
      if (dialog?.open) dialog.close();
      opener?.focus?.();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      class={props.wide ? 'dialog wide' : 'dialog'}
      aria-labelledby={titleId}
      data-testid={props.testId}
      onCancel={(e) => {
        e.preventDefault();
        props.onClose();
      }}
    >
      <div class="dialog-head">
        <h2 id={titleId} tabIndex={-1} ref={heading}>
          {props.title}
        </h2>
        <button type="button" class="secondary" onClick={props.onClose}>
          {t('close')}
        </button>
      </div>
      <div class="dialog-body stack">{props.children}</div>
    </dialog>
  );
}
