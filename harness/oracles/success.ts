// A call that the documents say succeeds: HTTP 2xx, the success envelope of its operation as the
// generated validator defines it, isSuccessful true.
import type { ValidateFunction } from 'ajv';
import * as validators from '../../generated/skm/validators.js';
import type { Exchange } from '../http/exchange.ts';
import { ConformanceFailure } from './conformance-failure.ts';
import { notAServerError } from './server-error.ts';
import { blamedByResponse } from './response-blame.ts';

const byName = validators as unknown as Record<string, ValidateFunction>;

export function responseValidator(operationId: string): ValidateFunction {
  const v = byName[`${operationId}_response`];
  if (!v) throw new Error(`no response validator for ${operationId}`);
  return v;
}

/** Asserts success and returns the body, typed by the caller. */
export function succeeds<T = Record<string, unknown>>(ex: Exchange, operationId = ex.operationId): T {
  notAServerError(ex);
  const json = ex.response!.json as { header?: { isSuccessful?: unknown; resultMessage?: unknown } } | undefined;
  if (json?.header?.isSuccessful !== true) {
    throw new ConformanceFailure({
      oracle: 'succeeds',
      title: 'Call refused',
      expected: 'a successful envelope (header.isSuccessful true)',
      received: json?.header ? `isSuccessful ${String(json.header.isSuccessful)}, resultMessage ${JSON.stringify(json.header.resultMessage)}` : `HTTP ${ex.response!.status}, not an envelope`,
      exchange: ex,
    });
  }
  const validate = responseValidator(operationId!);
  if (!validate(json)) {
    const errors = validate.errors!.map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
    throw new ConformanceFailure({
      oracle: 'succeeds',
      title: 'Response does not match the documented schema',
      expected: `the ${operationId} success envelope`,
      received: errors,
      exchange: ex,
      requirements: blamedByResponse(operationId!, validate.errors!),
    });
  }
  if (ex.response!.status < 200 || ex.response!.status > 299) {
    throw new ConformanceFailure({ oracle: 'succeeds', title: 'Success with a non-2xx status', expected: 'HTTP 2xx', received: `HTTP ${ex.response!.status}`, exchange: ex });
  }
  return (json as { body: T }).body;
}
