import type { CodegenConfig } from '@graphql-codegen/cli';

// Types for every query the app sends, from the API's own schema.graphql. Generation fails (and so
// does `npm run build`) when a query no longer matches the schema.
const config: CodegenConfig = {
  schema: '../schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: false,
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        scalars: { Date: 'string', DateOnly: 'string', DateTime: 'string', Money: 'string', Decimal: 'number', Long: 'number' },
        useTypeImports: true,
      },
    },
  },
};

export default config;
