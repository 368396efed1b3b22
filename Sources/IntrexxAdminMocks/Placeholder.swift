// The mock client (one settable handler per operation, every call recorded) is generated at build time by
// KilnBuildPlugin from kiln.json ("mode": "mocks"); SwiftPM needs one source file in the target to apply the plugin.
