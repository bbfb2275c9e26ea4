import { useState } from 'react';
import { safeImageUrl } from '../lib/safety';

/** Shows the product's image only from an https: address; otherwise a neutral placeholder. */
export function ProductImage({ url, alt, className = '' }: { url: string | null | undefined; alt: string; className?: string }) {
  const src = safeImageUrl(url);
  const [failed, setFailed] = useState(false);
  if (!src || failed) {
    return (
      <div className={`product-image product-image--placeholder ${className}`} {...(alt ? { role: 'img', 'aria-label': `No image for ${alt}` } : { 'aria-hidden': true })}>
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M4 5h16a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1Zm1 2v9.6l3.6-3.6 2.4 2.4 4.2-4.2L19 15V7H5Zm3.5 1.5a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3Z" />
        </svg>
      </div>
    );
  }
  return (
    <img
      className={`product-image ${className}`}
      src={src}
      alt={alt}
      loading="lazy"
      decoding="async"
      referrerPolicy="no-referrer"
      onError={() => setFailed(true)}
    />
  );
}
