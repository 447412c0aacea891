import type { CourseModuleInput } from './inputs';
import type { CourseModule } from './model';

/**
 * The modules to store for the given ones, in the given order. A module given without an id
 * keeps the id of the stored module with the same title, so a catalog sync that knows no module
 * ids does not renumber a course on every run; a new module gets the next `m<n>` that no module of
 * the course, stored or given, has used, so an id never comes to mean another module.
 */
export function settleModules(given: readonly CourseModuleInput[], stored: readonly CourseModule[]): CourseModule[] {
  const givenIds = new Set(given.flatMap((module) => (module.id === undefined ? [] : [module.id])));
  const idsByTitle = new Map<string, string[]>();
  for (const module of stored) {
    if (givenIds.has(module.id)) continue;
    idsByTitle.set(module.title, [...(idsByTitle.get(module.title) ?? []), module.id]);
  }
  const ids = given.map((module) => module.id ?? idsByTitle.get(module.title)?.shift());
  const used = new Set([...stored.map((module) => module.id), ...ids.filter((id): id is string => id !== undefined)]);
  let next = 1;
  const freshId = () => {
    while (used.has(`m${next}`)) next += 1;
    used.add(`m${next}`);
    return `m${next}`;
  };
  return given.map((module, index) => ({ id: ids[index] ?? freshId(), title: module.title, estimatedMinutes: module.minutes }));
}

export function totalMinutes(modules: readonly CourseModule[]): number {
  return modules.reduce((sum, module) => sum + module.estimatedMinutes, 0);
}
