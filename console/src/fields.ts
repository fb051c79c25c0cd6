// What every console form shares with the API: the problem it answers a bad input with, the control of the form that
// problem belongs next to, and lists typed with commas or one a line.

/** The API's refusal: {"error":{"code","message","field"}}. */
export interface ApiProblem {
  code: string;
  message: string;
  field?: string;
}

/** A comma- or line-separated list, as typed, without blanks. */
export function splitList(typed: string): string[] {
  return typed.split(/[\n,]/).map((item) => item.trim()).filter((item) => item !== '');
}

/** The form control an API problem's field names: `questions[1].options` → `questions-1-options`. */
export function controlId(field: string): string {
  return field.replace(/\[(\d+)\]/g, '-$1').replace(/\./g, '-');
}

/** The nearest control of the builder a problem's field belongs to (`questions[1].text.fa` → `questions-1-text`). */
export function nearestControl(field: string, controls: readonly string[]): string | null {
  let id = controlId(field);
  while (id !== '') {
    if (controls.includes(id)) {
      return id;
    }
    const cut = id.lastIndexOf('-');
    id = cut < 0 ? '' : id.slice(0, cut);
  }
  return null;
}
