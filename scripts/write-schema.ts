// Writes the image definition's JSON Schema for editors, from the one the loader validates with.
import { writeFileSync } from 'node:fs';
import { imageDefinitionSchema } from '../src/definition/schema.js';

writeFileSync('schema/dataclone.schema.json', `${JSON.stringify(imageDefinitionSchema, null, 2)}\n`);
