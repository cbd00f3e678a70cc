// Claims of "Saving and Loading", from the arrays and networks its cells saved and loaded.
const same = (p, q) => JSON.stringify(p) === JSON.stringify(q);
claim('nd.load gives back the saved array', await x2.toArray(), same(await x2.toArray(), await x.toArray()));
claim('a saved list comes back as a list of equal arrays', [await xLoaded.toArray(), await yLoaded.toArray()],
  same(await xLoaded.toArray(), [0, 1, 2, 3]) && same(await yLoaded.toArray(), [0, 0, 0, 0]));
claim('a saved dict comes back with the same keys and values', Object.keys(mydict2),
  same(Object.keys(mydict2), ['x', 'y']) && same(await mydict2.x.toArray(), [0, 1, 2, 3]) && same(await mydict2.y.toArray(), [0, 0, 0, 0]));
const header = JSON.parse(new TextDecoder().decode(bytes.subarray(16, 16 + headerLength)));
claim('the header lists both arrays; the file is 16 + header + 8 x 4 bytes', [header.kind, header.arrays.map((a) => a.name), bytes.length],
  header.kind === 'dict' && same(header.arrays.map((a) => a.name), ['x', 'y']) && bytes.length === 16 + headerLength + 32);
const cloneDiff = await Yclone.sub(Y).abs().max().asScalar();
claim('the clone loaded from the file predicts exactly the same outputs (max |difference|)', cloneDiff, cloneDiff === 0 && (await Yclone.equal(Y).sum().asScalar()) === 20);
claim('the clone has its own arrays (an independent copy)', clone.hidden.weight.data() !== net.hidden.weight.data(), clone.hidden.weight.data() !== net.hidden.weight.data());
claim('the parameter file is keyed by place in the network', Object.keys(saved),
  same(Object.keys(saved), ['hidden.weight', 'hidden.bias', 'output.weight', 'output.bias']));
claim('loading into a smaller hidden layer fails with a ShapeError naming both shapes', loadError && loadError.message,
  loadError !== null && loadError.name === 'ShapeError' && loadError.message.includes('(256, 20)') && loadError.message.includes('(64, 0)'));
claim('nd.upload returned the name of the uploaded file', uploadedName, typeof uploadedName === 'string' && uploadedName.length > 0);
const uploadDiff = await fromDisk.forward(X).sub(Y).abs().max().asScalar();
claim('parameters that went out as a download and back as an upload predict identically (max |difference|)', uploadDiff, uploadDiff === 0);
