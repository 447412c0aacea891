import { Kind, parse, type DocumentNode } from 'graphql';

/**
 * Which optional parts of the graph the served supergraph has. The portal asks for these fields
 * only when they exist, so the page keeps working while the journey domain grows (a query naming
 * a missing field would fail validation as a whole).
 */
export interface PortalFeatures {
  /** `User.journey`: stage, tenure, at-risk flag and reasons. */
  journey: boolean;
  /** `Journey.recommendations`: content picked for the user, each with the reason for it. */
  recommendations: boolean;
  /** `Account.onboarding`: the onboarding checklist. */
  onboarding: boolean;
  /** `Mutation.completeOnboardingTask`: ticking off a task by hand. */
  completeOnboardingTask: boolean;
  /** `Mutation.reopenOnboardingTask`: taking back a task ticked off by hand. */
  reopenOnboardingTask: boolean;
}

/** Field names of every object type, extensions included, by type name. */
function fieldsByType(document: DocumentNode): Map<string, Set<string>> {
  const fields = new Map<string, Set<string>>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const names = fields.get(definition.name.value) ?? new Set<string>();
    for (const field of definition.fields ?? []) names.add(field.name.value);
    fields.set(definition.name.value, names);
  }
  return fields;
}

export function portalFeatures(supergraphSdl: string): PortalFeatures {
  const document = parse(supergraphSdl);
  const fields = fieldsByType(document);
  const has = (typeName: string, fieldName: string) => fields.get(typeName)?.has(fieldName) ?? false;
  return {
    journey: has('User', 'journey'),
    recommendations: has('Journey', 'recommendations'),
    onboarding: has('Account', 'onboarding'),
    completeOnboardingTask: has('Mutation', 'completeOnboardingTask'),
    reopenOnboardingTask: has('Mutation', 'reopenOnboardingTask'),
  };
}
