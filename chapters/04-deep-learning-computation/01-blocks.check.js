// Claims of "Building Networks With Blocks", computed from the blocks its cells built.
const same = (p, q) => JSON.stringify(p) === JSON.stringify(q);
const mlpOut = mlp.forward(X);
claim('the MLP block maps a (2, 20) batch to (2, 10)', mlpOut.shape, same(mlpOut.shape, [2, 10]));
const tree = mlp.toString();
claim('the printed MLP tree names its children and their sizes after a forward pass', tree,
  tree.includes('(hidden): Dense(20 -> 256, Activation(relu))') && tree.includes('(output): Dense(256 -> 10, linear)'));
const freshTree = new MLP().toString();
claim('before any forward pass the input sizes print as None', freshTree, freshTree.includes('Dense(None -> 256'));
const seqDiff = await mySeq.forward(X).sub(libSeq.forward(X)).abs().max().asScalar();
claim('MySequential and gluon.nn.Sequential on the same layers give identical outputs (max |difference|)', seqDiff, seqDiff === 0);
claim('MySequential has both layers as children and their 4 parameters', [mySeq.children().length, mySeq.collectParams().size],
  mySeq.children().length === 2 && mySeq.collectParams().size === 4);
const denseGrad = await fancy.dense.weight.grad().abs().max().asScalar();
claim('FancyMLP: the reused dense layer got a gradient, the constant has none (gradReq null)', [denseGrad, fancy.randWeight.gradReq],
  denseGrad > 0 && fancy.randWeight.gradReq === 'null');
const fancyParams = fancy.collectParams().keys();
claim('FancyMLP owns its constant and one dense layer (used twice, counted once)', fancyParams, fancyParams.length === 3 && fancyParams.some((k) => k.endsWith('rand_weight')));
const fancyValue = await (await fancy.forward(X)).asScalar();
claim('FancyMLP returns one finite number', fancyValue, Number.isFinite(fancyValue));
const chimeraTree = chimera.toString();
claim('the nested chimera prints NestMLP (with its Sequential), Dense and FancyMLP', chimeraTree,
  /\(0\): NestMLP\(\n\s+\(net\): Sequential\(/.test(chimeraTree) && chimeraTree.includes('(1): Dense(16 -> 20, linear)') && chimeraTree.includes('(2): FancyMLP('));
claim('every parameter of mlp is named under its prefix', mlp.collectParams().keys(), mlp.collectParams().keys().every((k) => k.startsWith(mlp.prefix + 'dense')));
claim('a given prefix names the children: classifier_dense0_weight ...', named.collectParams().keys(),
  same(named.collectParams().keys(), ['classifier_dense0_weight', 'classifier_dense0_bias', 'classifier_dense1_weight', 'classifier_dense1_bias']));
claim('without nameScope the layers get global names (dense<n>_...)', plain.collectParams().keys(), plain.collectParams().keys().every((k) => /^dense\d+_/.test(k)));
