import { useEffect, useId, useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useT } from '../../i18n/i18n';

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
  const t = useT();
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
      title={t('takedown.title')}
      confirmLabel={t('product.takeDown')}
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
      <p>{t('takedown.body', { name: productName })}</p>
      <label className="field__label" htmlFor={fieldId}>
        {t('takedown.reason')}
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
          {missing ? t('takedown.missing') : error}
        </p>
      )}
    </ConfirmDialog>
  );
}
