import { Kind, parse, type DefinitionNode } from 'graphql';
import { SUBGRAPHS } from '../../subgraphs/catalog';
import { subgraphSdl } from '../../subgraphs/kit/sdl';

/** Every type, field, argument and enum value a subgraph declares, with its description. */
function describedElements(definition: DefinitionNode): Array<{ path: string; description?: string }> {
  if (
    definition.kind !== Kind.OBJECT_TYPE_DEFINITION &&
    definition.kind !== Kind.INPUT_OBJECT_TYPE_DEFINITION &&
    definition.kind !== Kind.ENUM_TYPE_DEFINITION &&
    definition.kind !== Kind.SCALAR_TYPE_DEFINITION &&
    definition.kind !== Kind.UNION_TYPE_DEFINITION &&
    definition.kind !== Kind.INTERFACE_TYPE_DEFINITION
  ) {
    return [];
  }
  const type = definition.name.value;
  const elements = [{ path: type, description: definition.description?.value }];
  if (definition.kind === Kind.ENUM_TYPE_DEFINITION) {
    for (const value of definition.values ?? []) elements.push({ path: `${type}.${value.name.value}`, description: value.description?.value });
  }
  if (definition.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION) {
    for (const field of definition.fields ?? []) elements.push({ path: `${type}.${field.name.value}`, description: field.description?.value });
  }
  if (definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.INTERFACE_TYPE_DEFINITION) {
    for (const field of definition.fields ?? []) {
      elements.push({ path: `${type}.${field.name.value}`, description: field.description?.value });
      for (const argument of field.arguments ?? []) {
        elements.push({ path: `${type}.${field.name.value}(${argument.name.value})`, description: argument.description?.value });
      }
    }
  }
  return elements;
}

describe.each(SUBGRAPHS.map((subgraph) => [subgraph.name, subgraph.directory]))('the %s schema', (_name, directory) => {
  const document = parse(subgraphSdl(directory));

  it('describes every type, field, argument and enum value', () => {
    const undescribed = document.definitions
      .flatMap(describedElements)
      .filter((element) => !element.description?.trim())
      .map((element) => element.path);
    expect(undescribed).toEqual([]);
  });

  it('names enum values in UPPER_SNAKE_CASE', () => {
    const badValues = document.definitions.flatMap((definition) =>
      definition.kind === Kind.ENUM_TYPE_DEFINITION
        ? (definition.values ?? []).map((value) => value.name.value).filter((name) => !/^[A-Z][A-Z0-9_]*$/.test(name))
        : [],
    );
    expect(badValues).toEqual([]);
  });
});
