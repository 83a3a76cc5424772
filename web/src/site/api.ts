import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

export type UserError = { code: string; message: string; field: readonly string[] };

/** A request the API refused or could not answer, with what to tell the person. */
export class ApiProblem extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code?: string,
  ) {
    super(message);
  }
}

/**
 * Sends a typed operation to the office's own address (/t/{office}/graphql), with the access token
 * when there is one. Returns the data, or throws an ApiProblem with a message fit to show.
 */
export async function execute<TResult, TVariables>(
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
  options: { office: string; token?: string | null },
): Promise<TResult> {
  let response: Response;
  try {
    response = await fetch(`/t/${encodeURIComponent(options.office)}/graphql`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/graphql-response+json, application/json',
        ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
      },
      body: JSON.stringify({ query: print(document), variables }),
    });
  } catch {
    throw new ApiProblem('The service could not be reached. Check your connection and try again.', 0);
  }
  let body: { data?: TResult; errors?: { message: string; extensions?: { code?: string } }[] } | undefined;
  try {
    body = await response.json();
  } catch {
    throw new ApiProblem('The service sent an answer this page could not read. Try again later.', response.status);
  }
  const first = body?.errors?.[0];
  if (first || !body?.data) {
    const code = first?.extensions?.code;
    const message =
      code === 'UNAUTHENTICATED' || response.status === 401
        ? 'Your session has ended. Sign in again.'
        : code === 'FORBIDDEN' || response.status === 403
          ? 'Your role does not allow this.'
          : (first?.message ?? 'Something went wrong. Try again later.');
    throw new ApiProblem(message, response.status, code);
  }
  return body.data;
}

/** The message of each userError by its input field (the last part of its path), for showing on the form. */
export function errorsByField(errors: readonly UserError[]): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const error of errors) {
    const key = error.field.filter((part) => part !== 'input').join('.') || '_';
    byField[key] ??= error.message;
  }
  return byField;
}

/** The nodes of a Relay connection, leaving out the empty edges the schema allows. */
export const nodes = <T,>(connection: { edges?: readonly ({ node?: T | null } | null)[] | null }): T[] => connection.edges?.flatMap((e) => (e?.node ? [e.node] : [])) ?? [];
