import { useEffect, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { Alert } from './Alert';

export interface FlashState {
  flash?: string;
}

/** A one-off success message handed over through navigation state ("Product deleted."). */
export function Flash() {
  const location = useLocation();
  const message = (location.state as FlashState | null)?.flash ?? null;
  const [shown, setShown] = useState<string | null>(message);
  useEffect(() => setShown(message), [message, location.key]);
  if (!shown) return null;
  return (
    <div className="flash">
      <Alert kind="success">
        <span>{shown}</span>
        <button type="button" className="flash__close" aria-label="Dismiss message" onClick={() => setShown(null)}>
          ×
        </button>
      </Alert>
    </div>
  );
}
