// Text as POSIX shell for the curl lines: one quoted word, or a body that reaches curl byte for byte
// whatever its size. A body the tests send can be 16 MiB, mostly one character repeated: written out, it
// would not fit in one argument (Linux takes 128 KiB) nor belong in a failure message.

const PLACEHOLDER = /(\$\{[A-Za-z_][A-Za-z0-9_]*\})/;

/** One shell word: text in single quotes, so nothing in it expands, but ${VAR} placeholders in double
 *  quotes, so they expand for whoever has the variables set. */
export function shellWord(s: string): string {
  const parts = s.split(PLACEHOLDER).filter(Boolean);
  return parts.map((p) => (PLACEHOLDER.test(p) ? `"${p}"` : `'${p.replaceAll("'", "'\\''")}'`)).join('') || "''";
}

/** Runs of one character (a code point) at least this long are generated rather than written out. */
const RUN_MIN = 100;
/** A body at most this long (in bytes) with no long run goes on the command line itself. */
const INLINE_MAX = 64 * 1024;

/** How curl gets the body: `args` for curl, and `stdin`, a command to pipe into it, when the body is
 *  not one plain argument (long, with long runs, or starting with `@`, which curl reads as a file name). */
export function curlBody(body: string): { args: string[]; stdin?: string } {
  const segments = splitRuns(body);
  const plain = segments.length === 1 && typeof segments[0] === 'string';
  if (plain && !body.startsWith('@') && Buffer.byteLength(body) <= INLINE_MAX) return { args: ['--data-binary', shellWord(body)] };
  const commands = segments.map((s) => (typeof s === 'string' ? `printf %s ${shellWord(s)}` : `yes ${shellWord(s.char)} | head -n ${s.count} | tr -d '\\n'`));
  // printf is a shell builtin: its argument has no length limit.
  return { args: ['--data-binary', '@-'], stdin: commands.length === 1 ? commands[0] : `{ ${commands.join('; ')}; }` };
}

type Segment = string | { char: string; count: number };

/** The body as literal text and long runs of one character (never of newlines: the generator's separator). */
function splitRuns(body: string): Segment[] {
  const out: Segment[] = [];
  let literalFrom = 0;
  for (let i = 0; i < body.length;) {
    const char = String.fromCodePoint(body.codePointAt(i)!);
    let end = i + char.length;
    while (body.startsWith(char, end)) end += char.length;
    const count = (end - i) / char.length;
    if (count >= RUN_MIN && char !== '\n') {
      if (i > literalFrom) out.push(body.slice(literalFrom, i));
      out.push({ char, count });
      literalFrom = end;
    }
    i = end;
  }
  if (literalFrom < body.length || out.length === 0) out.push(body.slice(literalFrom));
  return out;
}
