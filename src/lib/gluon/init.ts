/** `init`: parameter initializers (issue #3). Empty until that lands. */
export const init = {};
