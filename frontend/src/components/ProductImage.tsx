import { useState } from 'react';
import { safeImageUrl } from '../lib/safety';
import { Illustration } from './illustrations';
import { useT } from '../i18n/i18n';

interface ProductImageProps {
  url: string | null | undefined;
  /** The photo's text alternative ("" where the product's name is said next to it). */
  alt: string;
  /** The product's category id: which object the illustration draws. */
  category: string;
  /** The category's name as shown to people, for the illustration's label. */
  categoryName: string;
  /** The product's id: the illustration's colours. */
  seed: string;
  className?: string;
}

/**
 * The product's photo, only from an https: address. Without one (or when it fails to load) a drawn
 * illustration of its category stands in, labelled as an illustration, never as a photo.
 */
export function ProductImage({ url, alt, category, categoryName, seed, className = '' }: ProductImageProps) {
  const src = safeImageUrl(url);
  const [failed, setFailed] = useState(false);
  const t = useT();
  if (!src || failed) {
    return <Illustration category={category} seed={seed} label={t('image.illustration', { category: categoryName })} className={className} />;
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
