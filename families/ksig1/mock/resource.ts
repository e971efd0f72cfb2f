// The small protected resource behind the gate: merchant applications held in memory. POST /applications
// stores a JSON object and answers it with an id; GET /applications/{id} reads one back. One application,
// "example", is there from the start, so a GET control works on a fresh mock.
import { randomUUID } from 'node:crypto';
import { ownError, type Reply } from './answers.ts';

export const EXAMPLE_ID = 'example';
const ITEM = /^\/applications\/([^/?]+)$/;

export class Applications {
  private readonly stored = new Map<string, Record<string, unknown>>([[EXAMPLE_ID, { id: EXAMPLE_ID, legalName: 'Example Coffee LLC' }]]);

  handle(method: string, path: string, body: Buffer): Reply {
    const route = path.split('?')[0];
    if (route === '/applications' && method === 'POST') return this.create(body);
    const item = ITEM.exec(route);
    if (item && method === 'GET') return this.read(item[1]);
    return ownError(404, 'NOT_FOUND', `No resource ${method} ${route}.`);
  }

  private create(body: Buffer): Reply {
    let data: unknown;
    try {
      data = JSON.parse(body.toString('utf8'));
    } catch {
      return ownError(400, 'INVALID_BODY', 'The body is not JSON.');
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return ownError(400, 'INVALID_BODY', 'The body is not a JSON object.');
    const application = { ...data, id: randomUUID() };
    this.stored.set(application.id, application);
    return { status: 201, body: application };
  }

  private read(id: string): Reply {
    const application = this.stored.get(decodeURIComponentSafe(id));
    return application ? { status: 200, body: application } : ownError(404, 'NOT_FOUND', 'No application has this id.');
  }
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
