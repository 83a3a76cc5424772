import type { ResponseInfo } from './fetcher';

export function describeResponse(info: ResponseInfo | null): string {
  if (!info) return 'No request sent yet. Press Ctrl+Enter to run the query.';
  const operation = info.operationName ?? 'anonymous operation';
  const status = info.status === null ? info.statusText : `HTTP ${info.status} ${info.statusText}`.trim();
  return `${operation}: ${status} in ${info.milliseconds} ms`;
}

export function ResponseStatus({ info }: { info: ResponseInfo | null }) {
  const failed = info !== null && (info.status === null || info.status >= 400);
  return (
    <p role="status" className={failed ? 'rj-status rj-status--failed' : 'rj-status'}>
      {describeResponse(info)}
    </p>
  );
}
