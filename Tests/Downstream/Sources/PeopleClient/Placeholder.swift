// Generated at build time by Kiln's build plugin from the spec in kiln.json: the way an app applies the
// plugin to its own target. The file exists only because SwiftPM refuses a target without sources.
