/** `gluon`: blocks, layers, losses, trainers, data (issue #3). Empty until that lands. */
export const gluon = {};
