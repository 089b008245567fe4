// The JSON Schema of an image definition is schema/dataclone.schema.json: the file editors read
// for help on hover and the loader validates with. Importing it (rather than reading it at run
// time) lets ncc put it in the bundle.
import schema from '../../schema/dataclone.schema.json' with { type: 'json' };

export const imageDefinitionSchema = schema;
