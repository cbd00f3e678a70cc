/** Errors of the gluon layer, with Gluon's advice in them. */
import { NDArrayError } from '../nd/errors';

/** A parameter whose shape is still unknown was read before the first forward pass. */
export class DeferredInitializationError extends NDArrayError {}

/** A parameter, block or trainer used in a way Gluon does not allow. */
export class GluonError extends NDArrayError {}
