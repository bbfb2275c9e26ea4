import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { suggest } from '../../api/search';
import type { Suggestion } from '../../api/types';
import { matchRanges } from '../../lib/highlight';
import { useDebouncedValue } from '../../lib/hooks';
import { useT } from '../../i18n/i18n';

interface SearchBoxProps {
  value: string;
  onChange: (text: string) => void;
  /** Enter without a highlighted suggestion: search now. */
  onSubmit: (text: string) => void;
  onPick: (s: Suggestion) => void;
}

export const SUGGEST_DELAY_MS = 150;

/**
 * Marks the parts of the name that match what the user typed, found as Search finds them (accents
 * and case folded, one typo forgiven), as text (never as HTML).
 */
function Highlight({ text, query }: { text: string; query: string }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [start, end] of matchRanges(text, query)) {
    parts.push(text.slice(at, start), <mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}

/** A combobox (ARIA 1.2 pattern) with suggestions from /api/search/suggest. */
export function SearchBox({ value, onChange, onSubmit, onPick }: SearchBoxProps) {
  const id = useId();
  const t = useT();
  const listId = `${id}-list`;
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [open, setOpen] = useState(false);
  // The highlighted suggestion by id, so a newer list that still holds it keeps it highlighted.
  const [activeId, setActiveId] = useState<string | null>(null);
  const [focused, setFocused] = useState(false);
  const typed = useRef(false);
  const debounced = useDebouncedValue(value, SUGGEST_DELAY_MS);

  useEffect(() => {
    const q = debounced.trim();
    if (!q || !typed.current) {
      setSuggestions([]);
      return;
    }
    const ac = new AbortController();
    suggest(q, ac.signal)
      .then((s) => setSuggestions(s.slice(0, 8)))
      .catch(() => {
        /* suggestions are a nicety: the search itself reports errors */
      });
    return () => ac.abort();
  }, [debounced]);

  const expanded = open && focused && suggestions.length > 0 && value.trim() !== '';
  const active = suggestions.findIndex((s) => s.id === activeId);

  function highlight(index: number) {
    setOpen(true);
    setActiveId(suggestions[index]?.id ?? null);
  }

  function pick(s: Suggestion) {
    setOpen(false);
    onPick(s);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    switch (e.key) {
      case 'ArrowDown':
        if (!suggestions.length) return;
        e.preventDefault();
        highlight((active + 1) % suggestions.length);
        break;
      case 'ArrowUp':
        if (!suggestions.length) return;
        e.preventDefault();
        highlight(active <= 0 ? suggestions.length - 1 : active - 1);
        break;
      case 'Enter': {
        e.preventDefault();
        const s = expanded && active >= 0 ? suggestions[active] : undefined;
        if (s) pick(s);
        else {
          setOpen(false);
          onSubmit(value);
        }
        break;
      }
      case 'Escape':
        if (expanded) {
          e.preventDefault();
          setOpen(false);
          setActiveId(null);
        } else if (value) {
          e.preventDefault();
          onChange('');
        }
        break;
      default:
        break;
    }
  }

  return (
    <div className="searchbox" role="search">
      <label htmlFor={`${id}-input`} className="visually-hidden">
        {t('searchbox.label')}
      </label>
      <svg className="searchbox__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M10 3a7 7 0 0 1 5.6 11.2l5.1 5.1-1.4 1.4-5.1-5.1A7 7 0 1 1 10 3Zm0 2a5 5 0 1 0 0 10 5 5 0 0 0 0-10Z" />
      </svg>
      <input
        id={`${id}-input`}
        className="searchbox__input"
        type="search"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${id}-opt-${active}` : undefined}
        autoComplete="off"
        spellCheck={false}
        enterKeyHint="search"
        placeholder={t('searchbox.placeholder')}
        value={value}
        onChange={(e) => {
          typed.current = true;
          setOpen(true);
          setActiveId(null);
          onChange(e.target.value);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setFocused(true)}
        onBlur={() => {
          setFocused(false);
          setActiveId(null);
        }}
      />
      <ul id={listId} role="listbox" aria-label={t('searchbox.suggestions')} className="suggestions" hidden={!expanded}>
        {suggestions.map((s, i) => (
          <li
            key={s.id}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === active}
            className={`suggestions__item${i === active ? ' suggestions__item--active' : ''}`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(s)}
          >
            <Highlight text={s.name} query={value} />
          </li>
        ))}
      </ul>
      <span className="visually-hidden" aria-live="polite">
        {expanded ? t('searchbox.announce', { count: suggestions.length }) : ''}
      </span>
    </div>
  );
}
