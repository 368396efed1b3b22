// Generated at build time by Kiln's build plugin from Tests/Compile/Fixtures/streaming.yaml, so the README's
// streaming example compiles against a real generated client. SwiftPM refuses a target without sources.
