import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { ApiError, messageOf } from '../../api/problem';
import { createProduct, getProduct, updateProduct } from '../../api/products';
import type { Product } from '../../api/types';
import { useCanManage } from '../../auth/AuthContext';
import { Alert } from '../../components/Alert';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { Spinner } from '../../components/Spinner';
import { backLinkOf, MY_PRODUCTS_BACK } from '../../lib/backLink';
import { formatPrice } from '../../lib/format';
import { parseAmount } from '../../lib/money';
import { useCurrencies } from '../../lib/useCurrencies';
import { useDocumentTitle } from '../../lib/hooks';
import { useCategories } from '../../lib/useCategories';
import { useFocusFirstError } from '../../lib/useFieldFocus';
import {
  changedFields,
  EMPTY_FORM,
  FIELD_LABELS,
  fromProduct,
  toInput,
  validate,
  type FieldErrors,
  type FieldName,
  type ProductFormValues,
} from './productForm';
import { t as translateNow, useT } from '../../i18n/i18n';
import { later, type Said } from '../../i18n/said';
import type { FlashState } from '../../components/Flash';

type Load = { status: 'loading' } | { status: 'ready' } | { status: 'missing' } | { status: 'error'; message: Said };

const NO_ERRORS = (): FieldErrors => ({});

export function ProductEditorScreen() {
  const { id } = useParams();
  const editing = id !== undefined;
  const navigate = useNavigate();
  const back = backLinkOf(useLocation().state).state;
  const { categories, nameOf } = useCategories();
  const { currencies, infoOf } = useCurrencies();
  const t = useT();
  useDocumentTitle(editing ? t('editor.editTitle') : t('editor.newTitle'));

  const [load, setLoad] = useState<Load>(editing ? { status: 'loading' } : { status: 'ready' });
  const [values, setValues] = useState<ProductFormValues>(EMPTY_FORM);
  const [etag, setEtag] = useState<string | null>(null);
  const [ownerId, setOwnerId] = useState<string | undefined>(undefined);
  const canManage = useCanManage(ownerId);
  // Messages are kept as how to word them, so they follow a switch of language.
  const [errorsSaid, setErrorsSaid] = useState<() => FieldErrors>(() => NO_ERRORS);
  // Fields changed since their messages were given: the messages are gone.
  const [changed, setChanged] = useState<ReadonlySet<FieldName>>(new Set());
  const [summary, setSummary] = useState<Said | null>(null);
  const [conflict, setConflict] = useState<Product | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const conflictRef = useRef<HTMLDivElement>(null);
  useFocusFirstError(formRef, alertRef, attempt);

  useEffect(() => {
    if (!editing) return;
    const ac = new AbortController();
    getProduct(id, ac.signal)
      .then(({ value, etag: tag }) => {
        setOwnerId(value.ownerId);
        setValues(fromProduct(value));
        setEtag(tag);
        setLoad({ status: 'ready' });
      })
      .catch((err: unknown) => {
        if (ac.signal.aborted) return;
        if (err instanceof ApiError && (err.status === 404 || err.status === 400)) setLoad({ status: 'missing' });
        else setLoad({ status: 'error', message: () => messageOf(err) });
      });
    return () => ac.abort();
  }, [editing, id]);

  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);

  const set = (k: FieldName) => (e: { target: { value: string } }) => {
    const v = e.target.value;
    setValues((f) => ({ ...f, [k]: v }));
    // The message beside a field goes once the user changes that field.
    setChanged((c) => (c.has(k) ? c : new Set(c).add(k)));
  };

  function showErrors(said: () => FieldErrors) {
    setErrorsSaid(later(said));
    setChanged(new Set());
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const currency = infoOf(values.currency);
    const local = validate(values, currency);
    if (Object.keys(local).length) {
      const checked = values;
      showErrors(() => validate(checked, currency));
      setSummary(later(() => translateNow('common.fixFields')));
      setAttempt((a) => a + 1);
      return;
    }
    setBusy(true);
    setSummary(null);
    showErrors(NO_ERRORS);
    try {
      const saved =
        editing && etag ? await updateProduct(id, toInput(values, currency), etag) : await createProduct(toInput(values, currency));
      navigate(`/products/${encodeURIComponent(saved.value.id)}`, {
        replace: editing,
        // The product page's back-link still goes where the user came from (My products, a search).
        state: { flash: { key: editing ? 'editor.saved' : 'editor.published' }, ...(back ?? MY_PRODUCTS_BACK) } satisfies FlashState,
      });
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.status === 412 && editing) {
        await showConflict();
        return;
      }
      if (err instanceof ApiError && Object.keys(err.fieldErrors).length) {
        const ours = (field: string): field is FieldName => field in FIELD_LABELS;
        showErrors(() => Object.fromEntries(Object.entries(err.fieldErrors).filter(([field]) => ours(field))));
        setSummary(
          later(() => {
            const other = Object.entries(err.fieldErrors).flatMap(([field, messages]) => (ours(field) ? [] : messages));
            return other.length ? other.join(' ') : translateNow('common.fixFields');
          }),
        );
      } else if (err instanceof ApiError && err.status === 404 && editing) {
        setLoad({ status: 'missing' });
        return;
      } else {
        setSummary(later(() => messageOf(err)));
      }
      setAttempt((a) => a + 1);
    }
  }

  /** 412: someone saved first. Fetch their version, show it, and aim the next save at it. */
  async function showConflict() {
    if (!id) return;
    try {
      const latest = await getProduct(id);
      setEtag(latest.etag);
      setConflict(latest.value);
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) setLoad({ status: 'missing' });
      else {
        setSummary(later(() => translateNow('editor.conflictLoadFailed', { message: messageOf(err) })));
        setAttempt((a) => a + 1);
      }
    }
  }

  if (load.status === 'loading') return <Spinner label={t('product.loading')} />;
  const forbidden = editing && !canManage;
  if (load.status === 'missing' || load.status === 'error' || forbidden) {
    const title = load.status === 'missing' ? t('product.notFound') : forbidden ? t('editor.notYours') : t('editor.couldNotLoad');
    return (
      <section className="page narrow empty-state" aria-labelledby="editor-title">
        <h1 id="editor-title">{title}</h1>
        <p>
          {load.status === 'missing'
            ? t('editor.mayBeDeleted')
            : load.status === 'error'
              ? load.message()
              : t('editor.onlySeller')}
        </p>
        <Link to="/my/products" className="btn btn--primary">
          {t('nav.myProducts')}
        </Link>
      </section>
    );
  }

  const said = errorsSaid();
  const errors: FieldErrors = Object.fromEntries(Object.entries(said).filter(([field]) => !changed.has(field as FieldName)));
  const theirs = conflict ? fromProduct(conflict) : null;
  const differing = theirs ? changedFields(values, theirs) : [];
  const categoryOptions = categories.some((c) => c.id === values.category) || !values.category
    ? categories
    : [...categories, { id: values.category, name: values.category }];
  const codes = currencies.map((c) => c.code);
  const currencyOptions = codes.includes(values.currency) ? codes : [...codes, values.currency];
  const currency = infoOf(values.currency);
  const parsed = parseAmount(values.price, currency);
  // What will be saved, shown before saving: a misread separator is seen, not published.
  const priceHint =
    parsed.ok && !parsed.empty
      ? t('editor.willBeSaved', { price: formatPrice(parsed.amount, currency.code) })
      : t('editor.priceFormat', {
          code: currency.code,
          example: currency.exponent ? t('common.or', { a: '1.200.000', b: '1.200.000,50' }) : '1.200.000',
        });

  return (
    <section className="page narrow editor-page" aria-labelledby="editor-title">
      <p className="breadcrumb">
        <Link to={editing ? `/products/${encodeURIComponent(id)}` : '/my/products'} state={editing ? back : null}>
          ← {editing ? t('editor.backToProduct') : t('nav.myProducts')}
        </Link>
      </p>
      <h1 id="editor-title">{editing ? t('editor.editTitle') : t('editor.newTitle')}</h1>

      {conflict && theirs && (
        <div ref={conflictRef} tabIndex={-1} className="alert alert--warning conflict" role="alert">
          <p className="alert__title">{t('editor.conflictTitle')}</p>
          <p>
            {t('editor.conflictTheirs')} {differing.length ? t('editor.conflictDiffer') : t('editor.conflictSame')}{' '}
            {t('editor.conflictChoice')}
          </p>
          <dl className="conflict__values">
            {(Object.keys(FIELD_LABELS) as FieldName[]).map((k) => (
              <div key={k} className={differing.includes(k) ? 'conflict__row conflict__row--changed' : 'conflict__row'}>
                <dt>
                  {t(FIELD_LABELS[k])}
                  {differing.includes(k) && <span className="visually-hidden"> {t('editor.differs')}</span>}
                </dt>
                <dd>
                  {k === 'price'
                    ? formatPrice(conflict.price, conflict.currency)
                    : k === 'category'
                      ? nameOf(conflict.category)
                      : theirs[k] || '—'}
                </dd>
              </div>
            ))}
          </dl>
          <div className="conflict__actions">
            <button
              type="button"
              className="btn btn--secondary"
              onClick={() => {
                setValues(theirs);
                setConflict(null);
                showErrors(NO_ERRORS);
              }}
            >
              {t('editor.loadTheirs')}
            </button>
            <button type="button" className="btn btn--ghost" onClick={() => setConflict(null)}>
              {t('editor.keepMine')}
            </button>
          </div>
        </div>
      )}

      {summary && (
        <Alert ref={alertRef} kind="error">
          {summary()}
        </Alert>
      )}

      <form ref={formRef} className="form card card--padded" onSubmit={onSubmit} noValidate>
        <TextField id="name" label={t('field.name')} required value={values.name} onChange={set('name')} errors={errors.name} />
        <TextAreaField
          id="description"
          label={t('field.description')}
          rows={5}
          value={values.description}
          onChange={set('description')}
          errors={errors.description}
          hint={t('editor.descriptionHint')}
        />
        <div className="form__row">
          <TextField
            id="price"
            label={t('field.price')}
            required
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={values.price}
            onChange={set('price')}
            errors={errors.price}
            hint={<span aria-live="polite" data-testid="price-preview">{priceHint}</span>}
          />
          <SelectField id="currency" label={t('field.currency')} value={values.currency} onChange={set('currency')} errors={errors.currency}>
            {currencyOptions.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="form__row">
          <SelectField
            id="category"
            label={t('field.category')}
            required
            value={values.category}
            onChange={set('category')}
            errors={errors.category}
          >
            <option value="">{t('editor.choose')}</option>
            {categoryOptions.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectField>
          <TextField
            id="stock"
            label={t('field.stock')}
            required
            type="number"
            inputMode="numeric"
            min={0}
            step="1"
            value={values.stock}
            onChange={set('stock')}
            errors={errors.stock}
          />
        </div>
        <TextField
          id="imageUrl"
          label={t('field.imageUrl')}
          type="url"
          inputMode="url"
          placeholder="https://…"
          value={values.imageUrl}
          onChange={set('imageUrl')}
          errors={errors.imageUrl}
          hint={t('editor.imageHint')}
        />
        <div className="form__actions">
          <button type="submit" className="btn btn--primary" disabled={busy} aria-busy={busy || undefined}>
            {busy ? t('common.saving') : editing ? t('editor.save') : t('editor.publish')}
          </button>
          <Link
            to={editing ? `/products/${encodeURIComponent(id)}` : '/my/products'}
            state={editing ? back : null}
            className="btn btn--ghost"
          >
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </section>
  );
}
