import { useDocumentTitle } from '../../lib/hooks';
import { ReindexPanel } from './ReindexPanel';
import { UsersPanel } from './UsersPanel';

export function AdminScreen() {
  useDocumentTitle('Admin');
  return (
    <div className="page admin-page">
      <h1 id="admin-title">Admin</h1>
      <ReindexPanel />
      <UsersPanel />
    </div>
  );
}
