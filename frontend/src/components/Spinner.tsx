import { useT } from '../i18n/i18n';

export function Spinner({ label }: { label?: string }) {
  const t = useT();
  return (
    <div className="spinner" role="status" aria-live="polite">
      <span className="spinner__dot" aria-hidden="true" />
      <span>{label ?? t('common.loading')}</span>
    </div>
  );
}
