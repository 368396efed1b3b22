// This module's code is generated at build time by KilnBuildPlugin from the spec named in kiln.json
// (committed copy: Generated/). The file exists only because SwiftPM refuses a target without sources.
