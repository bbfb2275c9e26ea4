import { useDocumentTitle } from '../../lib/hooks';
import { ReindexPanel } from './ReindexPanel';
import { UsersPanel } from './UsersPanel';
import { useT } from '../../i18n/i18n';

export function AdminScreen() {
  const t = useT();
  useDocumentTitle(t('admin.title'));
  return (
    <div className="page admin-page">
      <h1 id="admin-title">{t('admin.title')}</h1>
      <ReindexPanel />
      <UsersPanel />
    </div>
  );
}
