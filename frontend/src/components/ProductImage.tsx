import { useState } from 'react';
import { safeImageUrl } from '../lib/safety';
import { Illustration } from './illustrations';
import { drawingFor } from './kindDrawings';
import { useT } from '../i18n/i18n';

interface ProductImageProps {
  url: string | null | undefined;
  /** The photo's text alternative ("" where the product's name is said next to it). */
  alt: string;
  /** The product's name: the illustration draws what it says the product is (a bicycle, a phone). */
  name: string;
  /** The product's category id: what the illustration draws when the name says nothing it knows. */
  category: string;
  /** The category's name as shown to people, for the illustration's label. */
  categoryName: string;
  /** The product's id: the illustration's colours. */
  seed: string;
  className?: string;
}

/**
 * The product's photo, only from an https: address. Without one (or when it fails to load) a drawn
 * illustration stands in, of what the name says the product is, else of its category; labelled as
 * an illustration of that thing, never as a photo.
 */
export function ProductImage({ url, alt, name, category, categoryName, seed, className = '' }: ProductImageProps) {
  const src = safeImageUrl(url);
  const [failed, setFailed] = useState(false);
  const t = useT();
  if (!src || failed) {
    const drawing = drawingFor(name, category);
    const what = drawing.said ? t(`kind.${drawing.said}`) : categoryName;
    return <Illustration drawing={drawing} seed={seed} label={t('image.illustration', { what })} className={className} />;
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
