import type { LearningRepository } from './repository';

export type LearningLoaders = ReturnType<LearningRepository['createLoaders']>;

/**
 * One request's loaders, shared by its services. A write replaces them, so fields resolved later
 * in the same operation (the mutation's result, a second mutation) read the new state instead
 * of what the loaders cached before the write.
 */
export class RequestLoaders {
  private current: LearningLoaders;

  constructor(
    private readonly repository: LearningRepository,
    private readonly now: Date,
  ) {
    this.current = repository.createLoaders(now);
  }

  get loaders(): LearningLoaders {
    return this.current;
  }

  reset(): void {
    this.current = this.repository.createLoaders(this.now);
  }
}
