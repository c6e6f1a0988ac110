// Small pieces every page uses: a task's status and deadline, loading and refusal states, a reader hook.
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { TaskStatus } from '../../../../contracts/api/views.ts';
import { api, refusalText } from '../api.ts';
import { deadlineWords } from '../format.ts';
import { statusTone, statusZh } from '../i18n/status.ts';

const open = (s: TaskStatus) => !['completed', 'rejected', 'cancelled'].includes(s);

export function StatusBadge(p: { status: TaskStatus }) {
  return <span class={`badge ${statusTone(p.status)}`}>{statusZh[p.status]}</span>;
}

export function Deadline(p: { deadline: string; status: TaskStatus; overdue?: boolean }) {
  if (!open(p.status)) return <span class="muted">{statusZh[p.status]}</span>;
  const w = deadlineWords(p.deadline);
  return <span class={w.overdue || p.overdue ? 'late' : undefined}>{w.overdue || !p.overdue ? w.text : '已逾期'}</span>;
}

/** Loads once (and again on `reload`); a refusal is shown as the page's message. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]) {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const reload = useCallback(() => {
    setError(undefined);
    load().then(setData, setError);
  }, deps);
  useEffect(reload, deps);
  return { data, error, reload, setData };
}

export function Page(p: { title: string; children: ComponentChildren; error?: unknown; loading?: boolean; actions?: ComponentChildren }) {
  // A new page takes the focus to its heading, so that keyboard and screen-reader users start at its top.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus({ preventScroll: true }), []);
  return (
    <main class="page" id="main">
      <div class="task-head">
        <h1 tabIndex={-1} ref={heading}>
          {p.title}
        </h1>
        {p.actions}
      </div>
      {p.error ? (
        <p class="error" role="alert">
          {refusalText(p.error)}
        </p>
      ) : p.loading ? (
        <p class="muted" role="status">
          正在加载…
        </p>
      ) : (
        p.children
      )}
    </main>
  );
}

/**
 * One page at a time of a list the API pages with `nextToken` (`path` holds the query but `limit` and `nextToken`):
 * the page comes with the number of its first item, so that while the next one loads the page shown keeps its own
 * numbers. `tokens` are the pages' before this one, for <Pager>; set them to [] to start again from the first page.
 */
export function usePaged<T extends { nextToken?: string }>(path: string, size: number, deps: unknown[]) {
  const [tokens, setTokens] = useState<string[]>([]);
  const token = tokens.at(-1);
  const first = tokens.length * size + 1;
  const url = `${path}${path.includes('?') ? '&' : '?'}limit=${size}${token ? `&nextToken=${encodeURIComponent(token)}` : ''}`;
  const loaded = useLoad(() => api<T>('GET', url).then((page) => ({ ...page, first })), [...deps, token]);
  return { ...loaded, tokens, setTokens };
}

/** 上一页 / 下一页 over an API's opaque `nextToken`s: the tokens of the pages before are kept to go back. */
export function Pager(p: { tokens: string[]; setTokens: (t: string[]) => void; next?: string }) {
  return (
    <>
      {p.tokens.length > 0 && (
        <button type="button" class="secondary" onClick={() => p.setTokens(p.tokens.slice(0, -1))}>
          上一页
        </button>
      )}
      {p.next && (
        <button type="button" class="secondary" onClick={() => p.setTokens([...p.tokens, p.next!])}>
          下一页
        </button>
      )}
    </>
  );
}
