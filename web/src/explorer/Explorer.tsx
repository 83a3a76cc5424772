import { GraphiQL } from 'graphiql';
import { useMemo, useState } from 'react';
import { createFetcher, type ResponseInfo } from './fetcher';
import { ResponseStatus } from './ResponseStatus';

const defaultQuery = `# RJCloud GraphQL explorer
# Ctrl+Enter runs; Docs lists the schema.
# Authorization goes in the Headers tab.

query {
  __typename
}
`;

export function Explorer() {
  const [lastResponse, setLastResponse] = useState<ResponseInfo | null>(null);
  const fetcher = useMemo(() => createFetcher(setLastResponse), []);
  return (
    <GraphiQL fetcher={fetcher} defaultQuery={defaultQuery} shouldPersistHeaders={false}>
      <GraphiQL.Logo>RJCloud GraphQL</GraphiQL.Logo>
      <GraphiQL.Footer>
        <ResponseStatus info={lastResponse} />
      </GraphiQL.Footer>
    </GraphiQL>
  );
}
