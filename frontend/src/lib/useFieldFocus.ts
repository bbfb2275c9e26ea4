import { useEffect, type RefObject } from 'react';

/**
 * After a failed submit, move focus to the first field the server (or the form) flagged,
 * in form order, or to the summary alert when no field is named.
 */
export function useFocusFirstError(
  formRef: RefObject<HTMLFormElement | null>,
  alertRef: RefObject<HTMLElement | null>,
  attempt: number,
): void {
  useEffect(() => {
    if (attempt === 0) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid ?? alertRef.current)?.focus();
  }, [attempt, formRef, alertRef]);
}
