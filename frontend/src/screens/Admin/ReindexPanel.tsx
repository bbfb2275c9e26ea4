import { useCallback, useEffect, useState } from 'react';
import { messageOf } from '../../api/problem';
import { getReindexStatus, startReindex } from '../../api/search';
import type { ReindexStatus } from '../../api/types';
import { Alert } from '../../components/Alert';
import { formatDate } from '../../lib/format';
import { useInterval } from '../../lib/hooks';
import { useT } from '../../i18n/i18n';
import { later, type Said } from '../../i18n/said';
import type { MessageKey } from '../../i18n/messages';

export const REINDEX_POLL_MS = 1000;

const STATE_LABEL: Record<ReindexStatus['state'], MessageKey> = {
  idle: 'reindex.idle',
  running: 'reindex.running',
  completed: 'reindex.completed',
  failed: 'reindex.failed',
};

/** Starts a rebuild of the search read model from Products and follows its progress. */
export function ReindexPanel() {
  const [status, setStatus] = useState<ReindexStatus | null>(null);
  const [error, setError] = useState<Said | null>(null);
  const [starting, setStarting] = useState(false);
  const t = useT();

  const poll = useCallback(() => {
    getReindexStatus()
      .then((s) => {
        setStatus(s);
        setError(null);
      })
      .catch((err: unknown) => setError(later(() => messageOf(err))));
  }, []);

  useEffect(poll, [poll]);
  const running = status?.state === 'running';
  useInterval(poll, REINDEX_POLL_MS, running);

  async function onStart() {
    setStarting(true);
    setError(null);
    try {
      const s = await startReindex();
      setStatus({ ...s, state: s.state ?? 'running', processed: s.processed ?? 0 });
    } catch (err) {
      setError(later(() => messageOf(err)));
    } finally {
      setStarting(false);
    }
  }

  return (
    <section className="card card--padded admin-section" aria-labelledby="reindex-title">
      <h2 id="reindex-title">{t('reindex.title')}</h2>
      <p className="muted">{t('reindex.intro')}</p>
      <div className="reindex">
        <button
          type="button"
          className="btn btn--primary"
          onClick={onStart}
          disabled={starting || running}
          aria-busy={starting || running || undefined}
        >
          {running ? t('reindex.reindexing') : starting ? t('reindex.starting') : t('reindex.now')}
        </button>
        <div className="reindex__status" role="status" aria-live="polite">
          {status && (
            <>
              <p>
                <strong>{STATE_LABEL[status.state] ? t(STATE_LABEL[status.state]) : status.state}</strong>
                {' · '}
                {t('reindex.processed', { count: status.processed })}
              </p>
              {running && <progress className="reindex__progress" aria-label={t('reindex.progress')} />}
              {(status.startedAt || status.finishedAt) && (
                <p className="muted small">
                  {status.startedAt && <>{t('reindex.started', { date: formatDate(status.startedAt) })} </>}
                  {status.finishedAt && <>{t('reindex.finished', { date: formatDate(status.finishedAt) })}</>}
                </p>
              )}
            </>
          )}
        </div>
      </div>
      {status?.state === 'failed' && status.error && <Alert kind="error" title={t('reindex.lastFailed')}>{status.error}</Alert>}
      {error && <Alert kind="error">{error()}</Alert>}
    </section>
  );
}
