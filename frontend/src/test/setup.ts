import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { resetRestoreForTests } from '../api/auth';
import { resetCategoriesCacheForTests } from '../api/products';
import { resetSessionForTests } from '../api/session';
import { resetLanguageForTests } from '../i18n/i18n';

// jsdom has <dialog> but not its modal methods.
if (typeof HTMLDialogElement !== 'undefined' && !HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
}

beforeEach(() => {
  window.localStorage.clear();
  resetLanguageForTests();
  resetSessionForTests();
  resetRestoreForTests();
  resetCategoriesCacheForTests();
});

afterEach(() => {
  cleanup();
});
