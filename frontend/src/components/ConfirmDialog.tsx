import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useT } from '../i18n/i18n';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A modal built on <dialog>: the browser traps focus, makes the page behind inert and
 * closes on Escape. Focus starts on Cancel (the safe choice) and returns to the opener.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  busy = false,
  danger = false,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const t = useT();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      cancelRef.current?.focus();
      return () => {
        if (dialog.open) dialog.close();
        opener?.focus();
      };
    }
    return undefined;
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={children ? bodyId : undefined}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
    >
      {open && (
        <div className="dialog__inner">
          <h2 id={titleId} className="dialog__title">
            {title}
          </h2>
          {children && (
            <div id={bodyId} className="dialog__body">
              {children}
            </div>
          )}
          <div className="dialog__actions">
            <button ref={cancelRef} type="button" className="btn btn--secondary" onClick={onCancel} disabled={busy}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className={`btn ${danger ? 'btn--danger' : 'btn--primary'}`}
              onClick={onConfirm}
              disabled={busy}
              aria-busy={busy || undefined}
            >
              {busy ? t('common.working') : confirmLabel}
            </button>
          </div>
        </div>
      )}
    </dialog>
  );
}
