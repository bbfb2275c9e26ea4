import { forwardRef, type ReactNode } from 'react';
import { useT } from '../i18n/i18n';

interface AlertProps {
  kind?: 'error' | 'info' | 'success' | 'warning';
  title?: string;
  children?: ReactNode;
  onRetry?: () => void;
}

/** Errors interrupt (role=alert); other notices are announced politely. */
export const Alert = forwardRef<HTMLDivElement, AlertProps>(function Alert(
  { kind = 'info', title, children, onRetry },
  ref,
) {
  const t = useT();
  return (
    <div
      ref={ref}
      tabIndex={-1}
      className={`alert alert--${kind}`}
      role={kind === 'error' ? 'alert' : 'status'}
    >
      {title && <p className="alert__title">{title}</p>}
      {children && <div className="alert__body">{children}</div>}
      {onRetry && (
        <button type="button" className="btn btn--secondary btn--small" onClick={onRetry}>
          {t('common.tryAgain')}
        </button>
      )}
    </div>
  );
});
