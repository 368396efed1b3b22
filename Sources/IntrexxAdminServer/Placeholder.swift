// The server (handler protocol and router) is generated at build time by KilnBuildPlugin from kiln.json
// ("mode": "server"); SwiftPM needs one source file in the target to apply the plugin.
