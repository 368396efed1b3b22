// StreamingClient's mock is generated here at build time by KilnBuildPlugin from kiln.json ("mode": "mocks").
// SwiftPM needs one source file in the target to apply the plugin.
