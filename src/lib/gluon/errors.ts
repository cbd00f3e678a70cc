/** Errors of the gluon layer, with Gluon's advice in them. */
import { LibraryError } from '../errors';

/** A parameter whose shape is still unknown was read before the first forward pass. */
export class DeferredInitializationError extends LibraryError {}

/** A parameter, block or trainer used in a way Gluon does not allow. */
export class GluonError extends LibraryError {}
