import KilnYAML

/// The `x-` fields of an object, kept as located nodes for the stages that interpret them.
public typealias Extensions = OrderedMap<YAMLNode>
