/** A section of a non-English catalogue: exactly the keys of the English section, each a string. */
export type Section<T> = { readonly [K in keyof T]: string };
