// A tiny HTML builder that escapes every interpolated value unless it is already Html, so text from
// a target's responses can never become markup.
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Part = Html | string | number | boolean | undefined | null | readonly Part[];

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function render(p: Part): string {
  if (p instanceof Html) return p.value;
  if (Array.isArray(p)) return (p as readonly Part[]).map(render).join('');
  if (p === undefined || p === null || p === false || p === true) return '';
  return escapeHtml(String(p));
}

/** Tagged template: `h\`<b>${text}</b>\`` escapes `text`; nested `h` results stay markup. */
export function h(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new Html(out);
}

/** Markup written by this module itself (never data). */
export function trusted(markup: string): Html {
  return new Html(markup);
}

/** A value safe inside an id attribute and a #fragment. */
export function anchor(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
