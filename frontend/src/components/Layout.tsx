import { useEffect, useRef, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../auth/AuthContext';
import { Flash } from './Flash';
import { LANGUAGE_NAMES, LANGUAGE_TAGS, setLanguage, useLanguage, useT, type Language } from '../i18n/i18n';

/**
 * After a client-side navigation, move focus to the new page's heading so keyboard and
 * screen-reader users start at the top of the new content (as a full page load would).
 * Only path changes count: typing in the search box changes the query string.
 */
function useFocusOnNavigate() {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const main = document.getElementById('main');
    const target = main?.querySelector<HTMLElement>('h1') ?? main;
    if (target) {
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.focus({ preventScroll: false });
    }
  }, [pathname]);
}

const LANGUAGES: Language[] = ['es', 'en'];

export function Layout() {
  const { user, isAdmin, logout, status } = useAuth();
  const navigate = useNavigate();
  const [menuOpen, setMenuOpen] = useState(false);
  const { pathname } = useLocation();
  const t = useT();
  const language = useLanguage();
  useFocusOnNavigate();
  useEffect(() => setMenuOpen(false), [pathname]);

  async function onLogout() {
    try {
      await logout();
    } finally {
      navigate('/', { replace: true });
    }
  }

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('layout.skip')}
      </a>
      <header className="topbar">
        <div className="topbar__inner">
          <Link to="/" className="brand" aria-label={t('layout.home')}>
            <svg className="brand__logo" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
              <rect width="64" height="64" rx="14" />
              <path d="M14 30 32 16l18 14v18a2 2 0 0 1-2 2H16a2 2 0 0 1-2-2z" className="brand__house" />
            </svg>
            <span className="brand__name">Covacha</span>
          </Link>
          <button
            type="button"
            className="menu-toggle"
            aria-expanded={menuOpen}
            aria-controls="site-nav"
            onClick={() => setMenuOpen((o) => !o)}
          >
            <span className="visually-hidden">{t('layout.menu')}</span>
            <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <path d="M3 6h18v2H3zm0 5h18v2H3zm0 5h18v2H3z" />
            </svg>
          </button>
          <nav id="site-nav" className={`nav${menuOpen ? ' nav--open' : ''}`} aria-label={t('layout.nav')}>
            <NavLink to="/" end className="nav__link">
              {t('nav.search')}
            </NavLink>
            {user && (
              <NavLink to="/my/products" className="nav__link">
                {t('nav.myProducts')}
              </NavLink>
            )}
            {isAdmin && (
              <NavLink to="/admin" className="nav__link">
                {t('nav.admin')}
              </NavLink>
            )}
            <span className="nav__spacer" />
            {status === 'authenticated' && user ? (
              <>
                <NavLink to="/account" className="nav__user" title={t('nav.account', { email: user.email })}>
                  {user.displayName}
                </NavLink>
                <button type="button" className="btn btn--ghost btn--small" onClick={onLogout}>
                  {t('nav.logout')}
                </button>
              </>
            ) : status === 'anonymous' ? (
              <>
                <NavLink to="/login" className="nav__link">
                  {t('nav.login')}
                </NavLink>
                <Link to="/signup" className="btn btn--primary btn--small">
                  {t('nav.signup')}
                </Link>
              </>
            ) : null}
          </nav>
        </div>
      </header>
      <main id="main" className="main" tabIndex={-1}>
        <Flash />
        <Outlet />
      </main>
      <footer className="footer">
        <p>{t('layout.tagline')}</p>
        <div className="language-switch" role="group" aria-label={t('layout.language')}>
          {LANGUAGES.map((l) => (
            <button
              key={l}
              type="button"
              lang={LANGUAGE_TAGS[l]}
              className="language-switch__option"
              aria-pressed={language === l}
              onClick={() => setLanguage(l)}
            >
              {LANGUAGE_NAMES[l]}
            </button>
          ))}
        </div>
      </footer>
    </div>
  );
}
