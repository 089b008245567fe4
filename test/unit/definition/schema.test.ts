import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { imageDefinitionSchema } from '../../../src/definition/schema.js';

interface SchemaNode {
  description?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  definitions?: Record<string, SchemaNode>;
}

/** Every property of the schema, by its path; the conditional parts (allOf) only narrow them. */
function propertiesOf(node: SchemaNode, at = ''): [string, SchemaNode][] {
  const own = Object.entries(node.properties ?? {}).flatMap(([name, property]) => [
    [`${at}${name}`, property] as [string, SchemaNode],
    ...propertiesOf(property, `${at}${name}.`),
  ]);
  const definitions = Object.entries(node.definitions ?? {}).flatMap(([name, definition]) =>
    propertiesOf(definition, `#${name}.`),
  );
  return [...own, ...definitions, ...(node.items ? propertiesOf(node.items, `${at}[].`) : [])];
}

describe('schema/dataclone.schema.json', () => {
  it('is a valid draft-07 JSON Schema that compiles in ajv’s strict mode', () => {
    const ajv = new Ajv({ strict: true, allowUnionTypes: true });
    ajv.addVocabulary(['errorMessage', 'patternErrorMessage']);
    expect(ajv.validateSchema(imageDefinitionSchema)).toBe(true);
    expect(() => ajv.compile(imageDefinitionSchema)).not.toThrow();
  });

  it('has an $id and a title, and describes itself and every definition', () => {
    expect(imageDefinitionSchema).toMatchObject({
      $id: expect.stringMatching(/dataclone\.schema\.json$/),
      title: expect.any(String),
      description: expect.any(String),
    });
    for (const definition of Object.values(imageDefinitionSchema.definitions)) {
      expect(definition.description).toBeTruthy();
    }
  });

  it('describes every property, so editors show help on hover', () => {
    const properties = propertiesOf(imageDefinitionSchema as SchemaNode);
    expect(properties.map(([name]) => name)).toEqual(
      expect.arrayContaining(['databases', '#database.source']),
    );
    const undescribed = properties.filter(([, property]) => !property.description).map(([name]) => name);
    expect(undescribed).toEqual([]);
  });
});
