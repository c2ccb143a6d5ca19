// The English text of every message shared/ can give a user, by code. {name} is filled from
// the message's args; {n|one|many} picks the English singular or plural by n. A UI language
// translates the same codes (the renderer's Chinese table is checked against this one).
// A template starting with a space is a clause appended to a sentence. Messages about
// documents and project files live in enDocument.ts and are part of this table.
import { EN_DOCUMENT_MESSAGES } from './enDocument';

export const EN_MESSAGES = {
  ...EN_DOCUMENT_MESSAGES,
  // Shapes and small phrases used inside other messages.
  'shape.featureMap': 'feature map {shape}',
  'shape.vector': 'vector {shape}',
  'shape.tensor': 'rank-{rank} tensor {shape}',
  'shape.onInput': '{shape} (input {port})',

  // Input counts and input shapes, checked for every layer.
  'layer.takesNoInputs': '{node} takes no inputs, got {n}; remove the {n|edge|edges} into it.',
  'layer.needsExactly': '{node} needs exactly {min} {min|input|inputs}, got {n}; connect a layer to it.',
  'layer.takesExactly': '{node} takes exactly {min} {min|input|inputs}, got {n}; remove the extra edges.',
  'layer.needsAtLeast': '{node} needs at least {min} {min|input|inputs}, got {n}; connect {missing|another layer|more layers} to it.',
  'layer.takesAtMost': '{node} takes at most {max} {max|input|inputs}, got {n}; remove the extra edges.',
  'layer.invalidShape': '{node} got an invalid shape {shape}{port}; every dimension must be a positive integer. Fix the layer that feeds it.',
  'layer.onInput': ' on input {port}',
  'layer.unknownType': 'Unknown layer type "{type}"; known types are {types}.',
  /** Several problems of one layer, one sentence each. */
  'layer.sentences': '{sentences}',

  // Layers that need a feature map, and sliding windows.
  'featureMap.fromRank2': '{node} needs a feature map [H, W, C] input, but its input is a {input}. Insert a Reshape to {target} (one channel) before it.',
  'featureMap.fromVector':
    '{node} needs a feature map [H, W, C] input, but its input is a {input}. Reshape it to [H, W, C] first (e.g. [28, 28, 1] for 784 values), or use Dense for vectors.',
  'featureMap.fromOther': '{node} needs a feature map [H, W, C] input, but its input is a {input}. Reshape it to [H, W, C] first.',
  'window.kernelTooLarge':
    '{node}: kernel {window}{dilated} is larger than its {input} input with valid padding; use padding "same", a smaller kernel, or a larger input.',
  'window.poolTooLarge': '{node}: pool {window}{dilated} is larger than its {input} input with valid padding; use padding "same", a smaller pool, or a larger input.',
  'window.dilated': ' with dilation {dilation} (spanning {span})',
  'pool.alreadyVector': '{node} needs a feature map [H, W, C] input, but its input is already a {input}; remove it.',

  // Vectors, the output head, reshapes, block ports.
  'dense.needsVector': '{node} needs a vector input, but its input is a {input}. Insert Flatten before it.',
  'dense.needsVectorFromMap':
    '{node} needs a vector input, but its input is a {input}. Insert Flatten (keeps every value) or GlobalAvgPool2D (averages each channel, far fewer weights) before it.',
  'output.fromVector':
    '{node} needs a vector of exactly {classes} entries (one per class), but its input is a {input}. Insert Dense({classes}) before it, or set classes to {size}.',
  'output.fromFeatureMap':
    '{node} needs a vector of exactly {classes} entries (one per class), but its input is a {input}. Insert GlobalAvgPool2D and Dense({classes}) before it.',
  'output.fromOther': '{node} needs a vector of exactly {classes} entries (one per class), but its input is a {input}. Insert Flatten and Dense({classes}) before it.',
  'reshape.notMultiple':
    '{node} cannot reshape {input} ({total} values) into {target}: {total} is not a multiple of {known}. Choose a target whose known entries divide {total}.',
  'reshape.countMismatch': '{node} cannot reshape {input} ({total} values) into {target} ({known} values); the target must hold the same number of values.',
  'blockInput.noInstance': '{node} gets its shape from a block instance; use the block in a graph instead of inferring the definition alone.',
  'blockInput.noPort': '{node} is port {index}, but the block instance has {count} {count|input|inputs}; connect input {index} to the instance or lower the port number.',

  // Merges.
  'merge.mismatch': '{node} needs inputs of identical shape, got {shapes}.{hint}',
  'merge.projectionHint': ' Insert {where} so {count|it matches|they match} {target}.',
  'merge.matchBranches': ' Make the branches match (e.g. with a Conv2D, Dense or pooling) before it.',
  'merge.onShortcut': '{what} on the shortcut (input {port})',
  'merge.onInput': '{what} on input {port}',
  'merge.denseProjection': 'a Dense({units}) projection',
  'merge.convProjection': 'a 1x1 projection (stride {stride}, {filters} filters) with batch norm',
  'concat.rankMismatch': '{node} needs inputs of the same rank, got {shapes}. Flatten or reshape the odd one out.',
  'concat.axisRange': '{node} axis {axis} is out of range for rank-{rank} inputs; use an axis from {lowest} to {highest} (-1 is the last).',
  'concat.dimMismatch':
    '{node} joins along axis {axis}, so all other dimensions must match, but dimension {dim} differs: {shapes}. Resize the branches to match or choose another axis.',

  // Layer params.
  'param.unresolvedRef': '{node} param "{field}" refers to block param "{param}", which was not resolved; set it on the block instance.',
  'param.invalid': '{node} param "{field}" must be {must}, got {value}.',
  'param.noParams': '{node} takes no params, got "{field}"; remove it.',
  'param.unknown': '{node} has no param "{field}"; its params are {known}.{hint}',
  'param.didYouMean': ' Did you mean "{best}"?',
  'must.int': 'an integer',
  'must.intRange': 'an integer from {min} to {max}',
  'must.positiveInt': 'a positive integer',
  'must.nonNegativeInt': 'a non-negative integer',
  'must.intAtLeast': 'an integer of at least {min}',
  'must.intAtMost': 'an integer of at most {max}',
  'must.number': 'a number',
  'must.numberBound': 'a number {bound}',
  'must.numberBetween': 'a number {lower} and {upper}',
  'bound.above': 'above {value}',
  'bound.atLeast': 'at least {value}',
  'bound.below': 'below {value}',
  'bound.atMost': 'at most {value}',
  'must.bool': 'true or false',
  'must.string': 'a string',
  'must.oneOf': 'one of {options}',
  'must.pair': 'a positive integer or a pair [h, w] of positive integers',
  'must.pairNonNegative': 'a non-negative integer or a pair [h, w] of non-negative integers',
  'must.pairAtLeast': 'an integer of at least {min} or a pair [h, w] of integers of at least {min}',
  'must.ints': 'a list of {count} positive integers{inferred}, e.g. {example}',
  'must.intsInferred': ' (one entry may be -1 to infer it)',
  'count.exactly': '{count}',
  'count.orMore': '{min} or more',
  'count.range': '{min} to {max}',

  // Whole-graph problems.
  'graph.noLists': 'This document has no nodes and edges lists; read it with parseDocument to see what is wrong.',
  'graph.noInput': 'The graph has no Input layer; add an Input and set the shape of one sample.',
  'graph.noOutput': 'The graph has no Output layer; add one after the last layer to set the classes and loss.',
  'graph.cycle': 'Layers {cycle} form a cycle; data must flow one way, so remove one of these connections.',
  'graph.duplicateNodeId': 'Two nodes share the id "{id}"; give each node its own id.',
  'graph.duplicateEdgeId': 'Two edges share the id "{id}"; give each edge its own id.',
  'edge.missingTarget': 'Edge {edge} points to node "{node}", which does not exist; delete the edge or reconnect it.',
  'edge.missingSource': 'Edge {edge} comes from node "{node}", which does not exist; delete the edge or reconnect it.',
  'node.badParams': '{node} has params {params}; they must be an object of named values.',
  'node.unknownType': 'Node {id} has unknown layer type {type}; replace it with a layer from the palette.',
  'node.portOutsideBlock': '{node} only belongs inside a block definition; delete it.',
  'node.notConnected': '{node} is not connected to the Output; connect it or delete it.',
  'node.notLeadingToBlockOutput': "{node} does not lead to the block's output; connect it or delete it.",
  'node.emptyOutput':
    '{node} would output {shape}{from}, which has an empty or invalid size; its input is too small for its kernel, stride or pooling. Use padding "same", a smaller window or a larger input.',
  'node.fromShapes': ' from {shapes}',
  'node.checkFailed': '{node} could not be checked ({reason}); please report this.',

  // Input wiring and ports.
  'ports.noInputsButFed': '{node} takes no inputs, but {sources} {n|feeds|feed} it; remove {n|that connection|those connections}.',
  'ports.noInput': '{node} has no input; connect a layer to it.',
  'ports.needsAtLeast': '{node} needs at least {min} {min|input|inputs} but has {n}; connect {more} to it.',
  'ports.anotherLayer': 'another layer',
  'ports.moreLayers': '{count} more layers',
  'ports.takes': '{node} takes {max} {max|input|inputs} but has {n} (from {sources}); remove the extra {extra|connection|connections}.',
  'ports.takesAtMost': '{node} takes at most {max} {max|input|inputs} but has {n} (from {sources}); remove the extra {extra|connection|connections}.',
  'ports.badPort': '{node} has its input from {source} on port {port}; ports are whole numbers 0, 1, 2, ...',
  'ports.shared': '{node} has {count} inputs on port {port} (from {sources}); give each input its own port.',
  'ports.gap': '{node} has {has} but nothing on {missing}; number its inputs 0, 1, 2, ... without gaps.',
  'ports.hasOne': 'its input on port {port}',
  'ports.hasMany': 'inputs on ports {ports}',
  'ports.missingOne': 'port {port}',
  'ports.missingMany': 'ports {ports}',
  'ports.more': '{count} more',

  // Blocks.
  'block.missingDefinition':
    'Block {id} refers to block definition {ref}, which does not exist in this document; pick a block from the palette or delete this one.',
  'block.usesItself': 'Block {id} uses "{def}", which contains itself ({cycle}); a block cannot contain an instance of itself.',
  'block.problem': 'Block {id} ({name}): {problem}',
  'block.inside': 'Inside block {id} ({name}): {inner}',
  'block.insideUseProjection': 'Inside block {id} ({name}): {inner} Set its shortcut to "projection" to fix this.',
  'block.noOutput': 'Block {id} ({name}) has no BlockOutput, so it produces nothing.',
  'block.noOutputToExpand': 'Block {id} ({name}) has no BlockOutput, so its result goes nowhere.',
  'block.missingDefinitionToExpand': 'Block {id} refers to block definition {ref}, which does not exist in this document.',
  'block.containsItself': 'Block "{def}" contains itself ({cycle}); a block cannot contain an instance of itself.',
  'block.undeclaredParam': 'node "{node}" param {param} refers to block param "{ref}", which the block does not declare.',
  'block.scaleNotNumber': 'node "{node}" param {param} scales block param "{ref}", which is {value}, not a number.',
  'blockParam.wholeNumber': '{name} must be a whole number, not {value}.',
  'blockParam.number': '{name} must be a number, not {value}.',
  'blockParam.bool': '{name} must be true or false, not {value}.',
  'blockParam.oneOf': '{name} must be one of {options}, not {value}.',
  'blockParam.atLeast': '{name} must be at least {min}, not {value}.',
  'blockParam.atMost': '{name} must be at most {max}, not {value}.',
  'blockParam.unknown': '{name} is not a param of block "{block}" ({known}).',
  'blockParam.known': 'its params are {names}',
  'blockParam.none': 'it has no params',

  // Fix titles.
  'fix.insertReshape': 'Insert Reshape to {target} before {node}',
  'fix.paddingSame': 'Switch {node} to padding "same"',
  'fix.insertFlatten': 'Insert Flatten before {node}',
  'fix.insertDense': 'Insert Dense({classes}) before {node}',
  'fix.insertPoolDense': 'Insert GlobalAvgPool2D and Dense({classes}) before {node}',
  'fix.insertFlattenDense': 'Insert Flatten and Dense({classes}) before {node}',
  'fix.insertProjection': 'Insert {where} into {node}',
  'fix.renumberPorts': 'Renumber the inputs of {node} as ports 0 to {last}',
  'fix.renumberPort0': 'Renumber the inputs of {node} as ports 0',
  'fix.removeConnection': 'Remove the connection {source} → {target}',
  'fix.deleteMisplaced': 'Delete the misplaced {node}',
  'fix.deleteUnconnected': 'Delete the unconnected {node}',
  'fix.deleteEdge': 'Delete edge {edge}',
  'fix.projectionShortcut': 'Use a projection shortcut in block {id} ({name})',

  // Templates.
  'template.unknown': 'Unknown template "{id}"; the templates are: {ids}.',
  'template.unknownOption': 'Template {id} has no option "{name}"; its options are: {known}.',
  'template.noOptions': 'none',
  'template.optionInt': 'Option {name} must be a whole number of at least {min}, got {value}.',
  'template.optionBool': 'Option {name} must be true or false, got {value}.',
  'template.optionShape': 'Option {name} must be {forms} (positive whole numbers), got {value}.',
  'template.formImage': 'HxWxC such as 32x32x3',
  'template.formLength': 'a length such as 784',
  'template.cifarDepth': 'ResNet depth must be 6n+2 (8, 14, 20, 32, 44, 56, 110...), got {depth}.',
  'template.imagenetDepth': 'ImageNet ResNet depth must be 18, 34, 50, 101 or 152, got {depth}.',
} as const;
