import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

interface ShellProps {
  id: string;
  label: string;
  errors?: string[] | undefined;
  hint?: ReactNode;
  required?: boolean | undefined;
  children: ReactNode;
}

function describedBy(id: string, errors: string[] | undefined, hint: ReactNode): string | undefined {
  const ids = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Shell({ id, label, errors, hint, required, children }: ShellProps) {
  return (
    <div className={`field${errors?.length ? ' field--invalid' : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
        {required && (
          <span className="field__required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {errors && errors.length > 0 && (
        <p id={`${id}-error`} className="field__error">
          {errors.join(' ')}
        </p>
      )}
    </div>
  );
}

type Common = { id: string; label: string; errors?: string[] | undefined; hint?: ReactNode };

export function TextField({ id, label, errors, hint, ...rest }: Common & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Shell id={id} label={label} errors={errors} hint={hint} required={rest.required}>
      <input
        id={id}
        name={id}
        className="input"
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, errors, hint)}
        {...rest}
      />
    </Shell>
  );
}

export function TextAreaField({ id, label, errors, hint, ...rest }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Shell id={id} label={label} errors={errors} hint={hint} required={rest.required}>
      <textarea
        id={id}
        name={id}
        className="input input--area"
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, errors, hint)}
        {...rest}
      />
    </Shell>
  );
}

export function SelectField({
  id,
  label,
  errors,
  hint,
  children,
  ...rest
}: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Shell id={id} label={label} errors={errors} hint={hint} required={rest.required}>
      <select
        id={id}
        name={id}
        className="input input--select"
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, errors, hint)}
        {...rest}
      >
        {children}
      </select>
    </Shell>
  );
}
