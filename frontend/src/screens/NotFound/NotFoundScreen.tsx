import { Link } from 'react-router-dom';
import { useDocumentTitle } from '../../lib/hooks';
import { useT } from '../../i18n/i18n';

export function NotFoundScreen() {
  const t = useT();
  useDocumentTitle(t('notFound.title'));
  return (
    <section className="page narrow empty-state" aria-labelledby="nf-title">
      <h1 id="nf-title">{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <Link to="/" className="btn btn--primary">
        {t('notFound.go')}
      </Link>
    </section>
  );
}
