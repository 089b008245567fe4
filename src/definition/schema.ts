/**
 * The JSON Schema of an image definition: the one source of truth. `npm run build` writes it to
 * schema/dataclone.schema.json for editors (a test checks the file is current), and the loader
 * validates every definition against it.
 */
const scriptStep = {
  description:
    'A .sql or .sql.gz script: a path (runs in the maintenance database), or an object naming its database.',
  oneOf: [
    { type: 'string', minLength: 1, description: 'Path of the script, relative to this file.' },
    {
      type: 'object',
      additionalProperties: false,
      required: ['script'],
      properties: {
        script: { type: 'string', minLength: 1, description: 'Path of the script, relative to this file.' },
        database: {
          type: 'string',
          minLength: 1,
          description: 'The database it runs in (one of `databases`).',
        },
      },
    },
  ],
} as const;

export const imageDefinitionSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://dataclone.dev/schema/dataclone.schema.json',
  title: 'dataclone image definition',
  description:
    'Describes one database instance (every database in it, with data) to build into a data image.',
  type: 'object',
  additionalProperties: false,
  required: ['name', 'engine', 'version', 'databases'],
  properties: {
    $schema: { type: 'string', description: 'The JSON Schema this file follows (for editors).' },
    name: {
      type: 'string',
      pattern: '^[a-z0-9][a-z0-9_.-]*$',
      maxLength: 128,
      description:
        'Name of the data image: lowercase letters, digits, ".", "_" and "-". The default tag is dataclone/<name>:latest.',
    },
    engine: {
      type: 'string',
      enum: ['postgres', 'mysql', 'mariadb'],
      description: 'The database server: postgres, mysql or mariadb.',
    },
    version: {
      type: ['string', 'number'],
      description:
        'Major version of the server, e.g. "16" for PostgreSQL or "8.0" for MySQL (quote it so YAML keeps it as written).',
    },
    baseImage: {
      type: 'string',
      minLength: 1,
      description: 'Image the build starts from. Default: the official image, e.g. postgres:<version>.',
    },
    primary: {
      type: 'string',
      minLength: 1,
      description: 'The database DATABASE_URL points at. Default: the first database listed.',
    },
    setup: {
      type: 'array',
      items: scriptStep,
      description: 'Scripts run before any restore, once every database exists (roles, extensions).',
    },
    databases: {
      type: 'array',
      minItems: 1,
      description: 'The databases of the instance, restored in dependency order.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: {
          name: {
            type: 'string',
            pattern: '^[A-Za-z_][A-Za-z0-9_]*$',
            maxLength: 63,
            description: 'Name of the database: letters, digits and "_", not starting with a digit.',
          },
          source: {
            type: 'string',
            minLength: 1,
            description:
              'What to restore: a pg_dump archive (custom or directory format), a .sql or .sql.gz file, or a folder of .sql scripts run in name order. Leave out for an empty database.',
          },
          format: {
            type: 'string',
            enum: ['custom', 'directory', 'sql', 'sql.gz', 'scripts'],
            description: 'The format of source, when it should not be detected from the file.',
          },
          dependsOn: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description: 'Databases that must be restored and migrated before this one.',
          },
          migrations: {
            type: 'string',
            minLength: 1,
            description: 'Folder of Flyway migrations for this database (V1__init.sql, ...).',
          },
        },
      },
    },
    after: {
      type: 'array',
      items: scriptStep,
      description: 'Scripts run after every restore (masking, sanitising).',
    },
    labels: {
      type: 'object',
      description: 'Labels to put on the data image.',
      propertyNames: { pattern: '^(?!dataclone\\.)[a-z0-9][a-z0-9._-]*$' },
      additionalProperties: { type: ['string', 'number', 'boolean'] },
    },
  },
} as const;
