import Testing

/// Intrexx (000) lists endpoints without bodies (its schemas are assumptions and require nothing), and
/// primedocs (004) shows its calls as PowerShell scripts, not JSON (its schemas require only what the scripts
/// read or send). Neither has a JSON sample to decode; one added to either document fails here until it gets
/// a row like the other APIs' tables.
@Suite struct SeedSampleUnsampledTests {
    @Test(arguments: ["000_291e8d0d4b60ae76.txt", "004_9f33042ee9c9b3ba.txt"])
    func documentHasNoJSONSample(_ document: String) throws {
        try SeedSampleCheck.run(document, [])
    }
}
