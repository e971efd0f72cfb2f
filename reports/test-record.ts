// Turns one Playwright test and its last result into the model's TestRecord: only annotations,
// attachments, status and error messages, so a record is the same whether the events came from a
// live run or from a shard.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { TestCase, TestResult, TestError } from '@playwright/test/reporter';
import type { ExchangeSample, Failure, TestRecord, TestStatus } from './model.ts';
import { FAILURE_ATTACHMENT } from '../harness/failure-attachment.ts';
import { variantsOf } from '../harness/variants.ts';

export const REQUIREMENT_ANNOTATION = 'requirement';
export const EXCHANGES_ATTACHMENT = 'exchanges';
const SAMPLE_BODY = 400;
const FAILED_SAMPLES = 3;

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

export function stripAnsi(s: string): string {
  return s.replace(ANSI, '');
}

function shorten(s: string | undefined, n: number): string | undefined {
  if (s === undefined) return undefined;
  return s.length <= n ? s : `${s.slice(0, n)}… (${s.length} characters)`;
}

/** The message of an error and of its causes (fast-check puts the property's failure in `cause`). */
export function errorText(error: TestError): string {
  const parts: string[] = [];
  for (let e: TestError | undefined = error; e; e = e.cause) parts.push(stripAnsi(e.message ?? e.value ?? 'unknown error'));
  return parts.join('\n\nCaused by: ');
}

const LABELS = ['Expected:', 'Received:', 'Request:', 'Response:', 'Reproduce with:'] as const;

/** Splits a ConformanceFailure message (title [oracle X], Expected, Received, Request, Response,
 *  Reproduce with) into its parts; any other error keeps its first line as title. */
export function parseFailure(message: string, location?: string): Failure {
  const lines = message.split('\n');
  const head = lines.findIndex((l) => /\[oracle [^\]]+\]\s*$/.test(l));
  const failure: Failure = { message, title: '' };
  if (location) failure.location = location;
  if (head < 0) {
    failure.title = shorten(lines.find((l) => l.trim() !== '')?.trim() ?? 'failed', 300)!;
    return failure;
  }
  const m = /^(?:.*?ConformanceFailure: )?(.*?)\s*\[oracle ([^\]]+)\]\s*$/.exec(lines[head])!;
  failure.title = m[1].trim();
  failure.oracle = m[2];
  const sections = new Map<string, string[]>();
  let current: string | undefined;
  for (const line of lines.slice(head + 1)) {
    const label = LABELS.find((l) => line.startsWith(l));
    if (label) {
      current = label;
      sections.set(label, [line.slice(label.length).trim()].filter((s) => s !== ''));
    } else if (current === 'Reproduce with:') {
      if (!/^ {2}\S/.test(line) || /^\s+at /.test(line)) current = undefined;
      else sections.get(current)!.push(line.trim());
    } else if (current && /^\s/.test(line) && !/^\s+at /.test(line)) sections.get(current)!.push(line.trim());
    else current = undefined;
  }
  const get = (label: (typeof LABELS)[number]) => sections.get(label)?.join('\n');
  const fields = [['expected', 'Expected:'], ['received', 'Received:'], ['request', 'Request:'], ['response', 'Response:'], ['reproduce', 'Reproduce with:']] as const;
  for (const [field, label] of fields) {
    const v = get(label);
    if (v !== undefined && v !== '') failure[field] = v;
  }
  return failure;
}

interface MaskedExchange {
  operationId?: string;
  request?: { method?: string; url?: string; body?: string };
  response?: { status?: number; text?: string };
  error?: string;
}

function attachmentText(a: TestResult['attachments'][number]): string | undefined {
  if (a.body) return a.body.toString('utf8');
  if (a.path) {
    try {
      return readFileSync(a.path, 'utf8');
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The masked exchanges the `skm` fixture attached (one JSON list per attachment). */
export function exchangesOf(result: TestResult): MaskedExchange[] {
  const out: MaskedExchange[] = [];
  for (const a of result.attachments) {
    if (a.name !== EXCHANGES_ATTACHMENT) continue;
    const text = attachmentText(a);
    if (!text) continue;
    try {
      const list = JSON.parse(text) as unknown;
      if (Array.isArray(list)) out.push(...(list as MaskedExchange[]));
    } catch {
      // not ours: ignore
    }
  }
  return out;
}

/** The failure the harness attached as data (harness/test.ts): it wins over what the text says. */
function failureData(result: TestResult): Partial<Failure> {
  const a = result.attachments.find((x) => x.name === FAILURE_ATTACHMENT);
  const text = a && attachmentText(a);
  if (!text) return {};
  try {
    const d = JSON.parse(text) as Partial<Failure>;
    const out: Partial<Failure> = {};
    for (const k of ['title', 'oracle', 'expected', 'received', 'request', 'response', 'reproduce'] as const) if (typeof d[k] === 'string') out[k] = d[k];
    if (Array.isArray(d.requirements)) out.requirements = d.requirements.filter((r): r is string => typeof r === 'string');
    return out;
  } catch {
    return {};
  }
}

function sample(e: MaskedExchange): ExchangeSample {
  const s: ExchangeSample = { method: e.request?.method ?? '?', url: e.request?.url ?? '?' };
  if (e.operationId) s.operationId = e.operationId;
  const requestBody = shorten(e.request?.body, SAMPLE_BODY);
  if (requestBody !== undefined) s.requestBody = requestBody;
  if (e.response?.status !== undefined) s.status = e.response.status;
  const responseBody = shorten(e.response?.text, SAMPLE_BODY);
  if (responseBody !== undefined) s.responseBody = responseBody;
  if (e.error) s.error = e.error;
  return s;
}

function statusOf(result: TestResult | undefined): TestStatus {
  if (!result) return 'not run';
  switch (result.status) {
    case 'passed':
      return 'passed';
    case 'skipped':
      return 'skipped';
    case 'interrupted':
      return 'not run';
    default:
      return 'failed';
  }
}

/** The record of a test from its last result (retries, if any, end in the result that counts). */
export function testRecord(test: TestCase, rootDir: string): TestRecord {
  const result = test.results.at(-1);
  const annotations = [...test.annotations, ...(result?.annotations ?? [])];
  const seen = new Set<string>();
  const distinct = annotations.filter((a) => {
    const key = `${a.type}\u0000${a.description ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const status = statusOf(result);
  const exchanges = result ? exchangesOf(result) : [];
  const operationCounts: Record<string, number> = {};
  for (const e of exchanges) if (e.operationId) operationCounts[e.operationId] = (operationCounts[e.operationId] ?? 0) + 1;
  const titlePath = test.titlePath().slice(3);
  const record: TestRecord = {
    id: test.id,
    file: relative(rootDir, test.location.file).split('\\').join('/'),
    line: test.location.line,
    titlePath: titlePath.length > 0 ? titlePath : [test.title],
    tags: [...test.tags],
    requirements: [...new Set(distinct.filter((a) => a.type === REQUIREMENT_ANNOTATION && a.description).map((a) => a.description!))],
    variants: variantsOf(distinct),
    status,
    durationMs: Math.round(result?.duration ?? 0),
    notes: distinct.filter((a) => a.type !== REQUIREMENT_ANNOTATION && a.type !== 'skip' && a.description).map((a) => ({ type: a.type, description: a.description! })),
    operationCounts,
    exchangeCount: exchanges.length,
    exchanges: (status === 'failed' ? exchanges.slice(-FAILED_SAMPLES) : exchanges.slice(0, 1)).map(sample),
  };
  if (status === 'skipped') {
    const skip = distinct.filter((a) => a.type === 'skip' || a.type === 'fixme').at(-1);
    record.skipReason = skip?.description ?? 'skipped (no reason given)';
  }
  if (status === 'failed' && result) {
    const messages = result.errors.map(errorText);
    if (result.status === 'timedOut' && messages.length === 0) messages.push(`timed out after ${record.durationMs} ms`);
    const loc = result.errors.find((e) => e.location)?.location;
    const where = loc ? `${relative(rootDir, loc.file).split('\\').join('/')}:${loc.line}` : undefined;
    // The conformance failure, when there is one, is the evidence; other errors follow it.
    const main = messages.find((m) => /\[oracle [^\]]+\]/.test(m)) ?? messages[0] ?? 'failed';
    const failure = { ...parseFailure(main, where), ...failureData(result) };
    const rest = messages.filter((m) => m !== main);
    if (rest.length > 0) failure.message = [main, ...rest].join('\n\n');
    record.failure = failure;
  }
  return record;
}
