import { useEffect, useId, useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';

export const MAX_REASON = 500;

/** The admin's confirmation for a takedown, with the reason the seller will read. */
export function TakedownDialog({
  open,
  productName,
  busy,
  error,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  productName: string;
  busy: boolean;
  error: string | null;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const fieldId = useId();
  const hintId = useId();

  useEffect(() => {
    if (open) {
      setReason('');
      setMissing(false);
    }
  }, [open]);

  return (
    <ConfirmDialog
      open={open}
      title="Take this product down?"
      confirmLabel="Take down"
      danger
      busy={busy}
      onConfirm={() => {
        const text = reason.trim();
        if (!text) {
          setMissing(true);
          return;
        }
        onConfirm(text);
      }}
      onCancel={onCancel}
    >
      <p>
        “{productName}” will leave search and its page at once. It stays on record, and its seller sees it as taken down with
        your reason; they cannot put it back.
      </p>
      <label className="field__label" htmlFor={fieldId}>
        Reason (the seller reads this)
      </label>
      <input
        id={fieldId}
        className="input"
        value={reason}
        maxLength={MAX_REASON}
        aria-invalid={missing || undefined}
        aria-describedby={missing || error ? hintId : undefined}
        onChange={(e) => {
          setReason(e.target.value);
          setMissing(false);
        }}
      />
      {(missing || error) && (
        <p id={hintId} className="field__error" role="alert">
          {missing ? 'Say why the product is taken down.' : error}
        </p>
      )}
    </ConfirmDialog>
  );
}
