/** What the stand-in's resource handlers receive and return, and the replies they share. */
import { errorBody, type AppIdentity } from './objects.js';

/** A request that already matched an operation and passed GitHub's schemas. */
export interface ApiRequest {
  /** Path parameters, coerced to the schema's types (`check_run_id` is a number). */
  path: Record<string, unknown>;
  /** Query parameters, coerced, with GitHub's defaults filled in (`per_page` 30, `page` 1). */
  query: Record<string, unknown>;
  body: unknown;
  /** The URL the client called, for Link headers. */
  url: URL;
  /** The App the token acts for: GitHub Actions for GITHUB_TOKEN, an installed App for its tokens. */
  caller: AppIdentity;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** A 422 GitHub sends for a well-formed request (a label that exists already): no violation. */
  wellFormed?: boolean;
}

export type Handler = (request: ApiRequest) => Reply;

export function notFound(): Reply {
  return { status: 404, body: errorBody(404, 'Not Found') };
}

/** A rule GitHub enforces that its schema cannot express, e.g. `conclusion` required once completed. */
export function validationFailed(resource: string, field: string, code: 'missing_field' | 'invalid'): Reply {
  return { status: 422, body: errorBody(422, 'Validation Failed', [{ resource, field, code }]) };
}

// GitHub caps every page at 100 items, whatever per_page asks for.
const MAX_PER_PAGE = 100;

/** Page-numbered lists (`per_page`, `page`) with GitHub's Link header. */
export function pageOf<T>(
  items: readonly T[],
  request: ApiRequest,
): { items: T[]; headers: Record<string, string> } {
  const perPage = Math.min(Math.max(Number(request.query.per_page), 1), MAX_PER_PAGE);
  const page = Math.max(Number(request.query.page), 1);
  const lastPage = Math.max(Math.ceil(items.length / perPage), 1);
  const linkTo = (target: number, rel: string): string => {
    const url = new URL(request.url);
    url.searchParams.set('per_page', String(perPage));
    url.searchParams.set('page', String(target));
    return `<${url.href}>; rel="${rel}"`;
  };
  const links = [
    ...(page > 1 ? [linkTo(page - 1, 'prev')] : []),
    ...(page < lastPage ? [linkTo(page + 1, 'next'), linkTo(lastPage, 'last')] : []),
    ...(page > 1 ? [linkTo(1, 'first')] : []),
  ];
  return {
    items: items.slice((page - 1) * perPage, page * perPage),
    headers: links.length > 0 ? { link: links.join(', ') } : {},
  };
}
