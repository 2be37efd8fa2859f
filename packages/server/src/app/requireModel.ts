import type { Model, Store } from '../store/types.js';
import { modelNotFound } from './httpErrors.js';

/** The model called `name`, or a 404 MODEL_NOT_FOUND error (every route naming a model in its path uses this). */
export async function requireModel(store: Store, name: string): Promise<Model> {
  const model = await store.getModel(name);
  if (model === undefined) throw modelNotFound(name);
  return model;
}
