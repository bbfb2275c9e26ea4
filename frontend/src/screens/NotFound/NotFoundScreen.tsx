import { Link } from 'react-router-dom';
import { useDocumentTitle } from '../../lib/hooks';

export function NotFoundScreen() {
  useDocumentTitle('Page not found');
  return (
    <section className="page narrow empty-state" aria-labelledby="nf-title">
      <h1 id="nf-title">Page not found</h1>
      <p>The page you were looking for does not exist or has moved.</p>
      <Link to="/" className="btn btn--primary">
        Go to search
      </Link>
    </section>
  );
}
