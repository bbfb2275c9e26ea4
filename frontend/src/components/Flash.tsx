import { useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { Alert } from './Alert';
import { useT, type Params } from '../i18n/i18n';
import { isMessageKey, type MessageKey } from '../i18n/messages';

/** The message by its catalogue key, so it is said in the language shown while it is up. */
export interface FlashMessage {
  key: MessageKey;
  params?: Params;
}

export interface FlashState {
  flash?: FlashMessage;
}

function isFlash(v: unknown): v is FlashMessage {
  return typeof v === 'object' && v !== null && isMessageKey(String((v as FlashMessage).key));
}

/**
 * A one-off success message handed over through navigation state ("Product deleted."). It is
 * shown once: as soon as it arrives it is taken out of the history entry, so a reload or coming
 * Back to the page does not say it again.
 */
export function Flash() {
  const location = useLocation();
  const navigate = useNavigate();
  const t = useT();
  const state = location.state as (FlashState & Record<string, unknown>) | null;
  const message = isFlash(state?.flash) ? state.flash : null;
  const [shown, setShown] = useState<FlashMessage | null>(message);
  // Where the message is on screen while its history entry is rewritten without it. Navigations
  // are transitions and may be batched: the rewrite and a click that leaves can arrive as one
  // location change, so the page is compared, not just "a rewrite happened".
  const rewritingAt = useRef<string | null>(null);
  const here = location.pathname + location.search + location.hash;

  useEffect(() => {
    if (message) {
      setShown(message);
      const { flash: _, ...rest } = state ?? {};
      rewritingAt.current = here;
      void navigate(
        { pathname: location.pathname, search: location.search, hash: location.hash },
        { replace: true, state: Object.keys(rest).length ? rest : null },
      );
    } else if (rewritingAt.current === here) {
      // The entry rewritten without its message is still the page that showed it: keep it on screen.
      rewritingAt.current = null;
    } else {
      rewritingAt.current = null;
      setShown(null);
    }
    // Runs once per history entry arrived at.
  }, [location.key]);

  if (!shown) return null;
  return (
    <div className="flash">
      <Alert kind="success">
        <span>{t(shown.key, shown.params)}</span>
        <button type="button" className="flash__close" aria-label={t('flash.dismiss')} onClick={() => setShown(null)}>
          ×
        </button>
      </Alert>
    </div>
  );
}
