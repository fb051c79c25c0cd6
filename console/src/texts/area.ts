// A page area's texts in the three languages, kept in one file per area so the areas grow apart: the English keys
// are the area's keys, and Persian and Arabic must have every one of them.

export type AreaTexts<K extends string> = { en: Record<K, string>; fa: Record<K, string>; ar: Record<K, string> };

export function area<const E extends Record<string, string>>(
  texts: { en: E; fa: Record<keyof E, string>; ar: Record<keyof E, string> }): AreaTexts<keyof E & string> {
  return texts;
}
