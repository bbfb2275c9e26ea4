/**
 * Words a screen keeps to show later (an error, a notice), worded each time they are shown, so
 * they follow a switch of language instead of staying in the one of the moment they were made.
 */
export type Said = () => string;

/**
 * For a state setter: `setError(later(() => messageOf(err)))`. A bare function handed to a
 * setter would be called as an updater; this hands it over as the value.
 */
export function later<T>(words: () => T): () => () => T {
  return () => words;
}
